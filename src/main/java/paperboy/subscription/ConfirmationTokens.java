package paperboy.subscription;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import paperboy.mail.Sha256;

/**
 * The double opt-in's tokens: 256 random bits sent by mail, of which the store keeps only the
 * SHA-256, so a copy of the store confirms nobody. A token works once, for {@link #LIFETIME}.
 */
final class ConfirmationTokens {
    static final Duration LIFETIME = Duration.ofHours(48);

    private final SecureRandom random = new SecureRandom();

    /** A new token for the subscriber; the text goes in the mail, its hash in the store. */
    String issue(Handle h, long subscriberId, Instant now) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        // Only the latest link works: an older one, perhaps in a mailbox someone else reads, ends here.
        h.createUpdate("DELETE FROM confirmation_tokens WHERE subscriber_id = :id AND used_at IS NULL")
                .bind("id", subscriberId).execute();
        h.createUpdate("INSERT INTO confirmation_tokens (token_hash, subscriber_id, expires_at) VALUES (:hash, :id, :expires)")
                .bind("hash", Sha256.hex(token)).bind("id", subscriberId).bind("expires", now.plus(LIFETIME).toEpochMilli())
                .execute();
        return token;
    }

    /** Spends the token: the subscriber it was issued to, when it is unused and unexpired. */
    Optional<Long> redeem(Handle h, String token, Instant now) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        return h.createQuery("UPDATE confirmation_tokens SET used_at = :now WHERE token_hash = :hash AND used_at IS NULL "
                        + "AND expires_at > :now RETURNING subscriber_id")
                .bind("hash", Sha256.hex(token.strip())).bind("now", now.toEpochMilli())
                .mapTo(Long.class).findOne();
    }

    /** Whether the token is one that could still be spent (for the page that asks to confirm). */
    boolean usable(Handle h, String token, Instant now) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return false;
        }
        return h.createQuery("SELECT COUNT(*) FROM confirmation_tokens WHERE token_hash = :hash AND used_at IS NULL "
                        + "AND expires_at > :now")
                .bind("hash", Sha256.hex(token.strip())).bind("now", now.toEpochMilli()).mapTo(Integer.class).one() > 0;
    }

    /** Drops tokens that can no longer be spent. */
    int forgetSpent(Handle h, Instant now) {
        return h.createUpdate("DELETE FROM confirmation_tokens WHERE used_at IS NOT NULL OR expires_at <= :now")
                .bind("now", now.toEpochMilli()).execute();
    }
}
