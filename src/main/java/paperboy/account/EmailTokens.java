package paperboy.account;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import paperboy.mail.Sha256;

/**
 * The single-use tokens that account mails carry (table {@code email_tokens}): 256 random bits in
 * the link, of which the store keeps only the SHA-256, so a copy of the store verifies no address
 * and resets no password. A token works once, until it expires; a new one of the same purpose
 * ends the member's earlier ones, so only the latest mail's link works.
 */
final class EmailTokens {
    /** A token that can still be spent: this text, this purpose, unused, unexpired. */
    private static final String LIVE = "token_hash = :hash AND purpose = :purpose AND used_at IS NULL AND expires_at > :now";

    /** What a token is for. */
    enum Purpose {
        VERIFY, RESET;

        String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A live token: whose, and the address it was mailed to. */
    record Holder(long memberId, String email) {}

    /**
     * A new token for {@code email}, ending the member's earlier ones of this purpose (and forgetting
     * their spent ones, so the table holds a few rows per member); the text goes in the mail.
     */
    String issue(Handle h, long memberId, Purpose purpose, String email, Duration lifetime, Instant now) {
        endAll(h, memberId, purpose, now);
        h.createUpdate("DELETE FROM email_tokens WHERE member_id = :member AND (used_at IS NOT NULL OR expires_at <= :now)")
                .bind("member", memberId).bind("now", now.toEpochMilli()).execute();
        String token = Secrets.random256();
        h.createUpdate("INSERT INTO email_tokens (token_hash, member_id, purpose, email, created_at, expires_at) "
                        + "VALUES (:hash, :member, :purpose, :email, :now, :expires)")
                .bind("hash", Sha256.hex(token)).bind("member", memberId).bind("purpose", purpose.word())
                .bind("email", email).bind("now", now.toEpochMilli()).bind("expires", now.plus(lifetime).toEpochMilli())
                .execute();
        return token;
    }

    /** Whose the token is, while it could still be spent (the page that asks to confirm). */
    Optional<Holder> usable(Handle h, String token, Purpose purpose, Instant now) {
        return live(h, "SELECT member_id, email FROM email_tokens WHERE " + LIVE, token, purpose, now);
    }

    /** Spends the token: whose it was, when it was unused and unexpired; a second spend finds nothing. */
    Optional<Holder> spend(Handle h, String token, Purpose purpose, Instant now) {
        return live(h, "UPDATE email_tokens SET used_at = :now WHERE " + LIVE + " RETURNING member_id, email", token, purpose, now);
    }

    /** The holder {@code sql} finds among the live tokens ({@link #LIVE}) of this text and purpose. */
    private static Optional<Holder> live(Handle h, String sql, String token, Purpose purpose, Instant now) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        return h.createQuery(sql).bind("hash", Sha256.hex(token.strip())).bind("purpose", purpose.word())
                .bind("now", now.toEpochMilli())
                .map((rs, ctx) -> new Holder(rs.getLong("member_id"), rs.getString("email"))).findOne();
    }

    /** Ends every live token of this purpose of the member (a password set, a newer mail). */
    int endAll(Handle h, long memberId, Purpose purpose, Instant now) {
        return h.createUpdate("UPDATE email_tokens SET used_at = :now WHERE member_id = :member AND purpose = :purpose "
                        + "AND used_at IS NULL")
                .bind("now", now.toEpochMilli()).bind("member", memberId).bind("purpose", purpose.word()).execute();
    }

    /** The address the member's live verification token is for, if any (a change of email waiting for it). */
    Optional<String> waiting(Handle h, long memberId, Instant now) {
        return h.createQuery("SELECT email FROM email_tokens WHERE member_id = :member AND purpose = 'verify' "
                        + "AND used_at IS NULL AND expires_at > :now ORDER BY created_at DESC")
                .bind("member", memberId).bind("now", now.toEpochMilli()).mapTo(String.class).findFirst();
    }
}
