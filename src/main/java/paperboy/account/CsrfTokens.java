package paperboy.account;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jdbi.v3.core.Jdbi;

/**
 * CSRF tokens, made rather than stored: a token is the HMAC-SHA256, under the site's secret, of
 * what it is bound to: a member's session (its hash) or, for a visitor who is not logged in (the
 * log-in and sign-up forms), a random value in a cookie of its own. A page of another site can
 * neither read the token nor make one, so a form it posts is refused. The secret is made once, on
 * the first start, and kept in the store ({@code site_secrets}), so every node checks every node's
 * tokens and no operator has to set one.
 */
public final class CsrfTokens {
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();
    private final byte[] key;

    private CsrfTokens(byte[] key) {
        this.key = key;
    }

    /** With the store's secret, made on first use (one insert wins when several nodes start at once). */
    public static CsrfTokens fromStore(Jdbi jdbi) {
        String fresh = HexFormat.of().formatHex(Secrets.randomBytes(32));
        String secret = jdbi.inTransaction(h -> {
            h.createUpdate("INSERT INTO site_secrets (name, secret) VALUES ('csrf', :s) ON CONFLICT (name) DO NOTHING")
                    .bind("s", fresh).execute();
            return h.createQuery("SELECT secret FROM site_secrets WHERE name = 'csrf'").mapTo(String.class).one();
        });
        return new CsrfTokens(HexFormat.of().parseHex(secret));
    }

    /** The token of a member's session. */
    String forSession(String sessionHash) {
        return mac("session:" + sessionHash);
    }

    /** The token of an anonymous visitor's CSRF cookie. */
    String forCookie(String cookieValue) {
        return mac("anonymous:" + cookieValue);
    }

    /** True when {@code token} is the one {@code expected} (compared in constant time). */
    static boolean matches(Optional<String> expected, String token) {
        return expected.isPresent() && Secrets.same(expected.get(), token);
    }

    private String mac(String binding) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return URL.encodeToString(mac.doFinal(binding.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks HmacSHA256", e);
        }
    }
}
