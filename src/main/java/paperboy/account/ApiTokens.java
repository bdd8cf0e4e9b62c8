package paperboy.account;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import paperboy.mail.Sha256;

/**
 * API tokens: what a member's programs send as {@code Authorization: Bearer pb_...} on {@code /api/}
 * routes. A token is shown once, when it is made; the store keeps its SHA-256 only, and a request's
 * token is found by the hash of what it sent (an index lookup on a value no client can aim at, so
 * its time says nothing about other tokens).
 */
public final class ApiTokens {
    /** Every token starts with this, so one pasted in the wrong place is recognisable (and can be scanned for). */
    public static final String PREFIX = "pb_";
    public static final int MAX_LABEL = 100;
    private static final java.time.Duration TOUCH_EVERY = java.time.Duration.ofMinutes(1);

    private final Jdbi jdbi;
    private final Clock clock;

    public ApiTokens(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** A token as listed on the settings page (never the token itself). */
    public record Listed(long id, String label, Instant createdAt, Instant lastUsedAt) {}

    /** A token just made: its id and the token, to show once. */
    public record Made(long id, String token) {}

    public Made make(long memberId, String label) {
        String token = PREFIX + Secrets.random256();
        long id = jdbi.withHandle(h -> h.createUpdate("INSERT INTO api_tokens (member_id, label, token_hash, created_at) "
                        + "VALUES (:m, :label, :hash, :now)")
                .bind("m", memberId).bind("label", label).bind("hash", Sha256.hex(token)).bind("now", clock.millis())
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
        return new Made(id, token);
    }

    public List<Listed> of(long memberId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, label, created_at, last_used_at FROM api_tokens "
                        + "WHERE member_id = :m ORDER BY id")
                .bind("m", memberId)
                .map((rs, ctx) -> new Listed(rs.getLong("id"), rs.getString("label"), Instant.ofEpochMilli(rs.getLong("created_at")),
                        rs.getObject("last_used_at") == null ? null : Instant.ofEpochMilli(rs.getLong("last_used_at"))))
                .list());
    }

    /** Revokes a member's token; false when they have no token with that id. */
    public boolean revoke(long memberId, long tokenId) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM api_tokens WHERE id = :id AND member_id = :m")
                .bind("id", tokenId).bind("m", memberId).execute()) == 1;
    }

    /** Revokes every token of a member (banned, disabled). */
    public int revokeAll(long memberId) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM api_tokens WHERE member_id = :m").bind("m", memberId).execute());
    }

    /** The active member whose token this is; empty for an unknown token or a member who may not write. */
    public Optional<Member> find(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        String hash = Sha256.hex(token);
        // The token and its member in one query: this runs on every API request that sends one.
        Optional<Used> row = jdbi.withHandle(h -> h.createQuery("SELECT t.last_used_at, " + Members.columns("m")
                        + " FROM api_tokens t JOIN members m ON m.id = t.member_id WHERE t.token_hash = :hash")
                .bind("hash", hash)
                .map((rs, ctx) -> new Used(rs.getObject("last_used_at") == null ? 0 : rs.getLong("last_used_at"),
                        Members.MEMBER.map(rs, ctx)))
                .findOne());
        if (row.isEmpty()) {
            return Optional.empty();
        }
        long now = clock.millis();
        if (now - row.get().lastUsedAt() > TOUCH_EVERY.toMillis()) {
            jdbi.useHandle(h -> h.createUpdate("UPDATE api_tokens SET last_used_at = :now WHERE token_hash = :hash")
                    .bind("now", now).bind("hash", hash).execute());
        }
        return Optional.of(row.get().member()).filter(Member::isActive);
    }

    /** A token's last use (0 for never) with its member. */
    private record Used(long lastUsedAt, Member member) {}
}
