package paperboy.subscription;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signed token in every mail's manage and unsubscribe links, so that a subscriber needs no
 * login: {@code ID.MAC}, the MAC being HMAC-SHA256 over the id and the address under the store's
 * secret ({@link SiteSecret}). Checked in constant time; a token for an address that was removed
 * and subscribed again (a new id) no longer works.
 */
public final class ManageTokens {
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    ManageTokens(byte[] secret) {
        this.key = new SecretKeySpec(secret, ALGORITHM);
    }

    public String of(Subscriber subscriber) {
        return subscriber.id() + "." + mac(subscriber.id(), subscriber.email());
    }

    /** The id a token names, unchecked: look the subscriber up, then {@link #matches}. */
    static Optional<Long> id(String token) {
        if (token == null || token.length() > 120) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot < 1 || dot > 19) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(token.substring(0, dot)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    boolean matches(String token, Subscriber subscriber) {
        byte[] expected = of(subscriber).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, token.strip().getBytes(StandardCharsets.US_ASCII));
    }

    private String mac(long id, EmailAddress email) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            byte[] sum = mac.doFinal(("manage:" + id + ":" + email.value()).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(sum);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("the JDK has no " + ALGORITHM, e);
        }
    }
}
