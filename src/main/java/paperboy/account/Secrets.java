package paperboy.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import paperboy.mail.Sha256;

/**
 * The random values visitors hold (session ids, API tokens, the anonymous CSRF cookie) and how the
 * store keeps them: only their SHA-256 ({@link Sha256}), so a copy of the store lets nobody in. A SHA-256 lookup is
 * enough for these (they have 256 bits of entropy; a password needs Argon2id, see {@link Passwords}).
 */
final class Secrets {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private Secrets() {}

    /** {@code bytes} random bytes, URL-safe Base64 without padding. */
    static String random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return URL.encodeToString(value);
    }

    /** A fresh 256-bit secret. */
    static String random256() {
        return random(32);
    }

    /** Constant-time equality of two strings (their UTF-8 bytes); false when either is null. */
    static boolean same(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] randomBytes(int n) {
        byte[] value = new byte[n];
        RANDOM.nextBytes(value);
        return value;
    }
}
