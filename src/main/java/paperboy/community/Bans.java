package paperboy.community;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Members a moderator banned (table {@code bans}): they keep reading and lose every write. Every
 * community write asks {@link #requireAllowed} first; moderation adds and lifts bans, with its log.
 */
public final class Bans {
    private final Jdbi jdbi;

    public Bans(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** A ban as stored: by whom, when and why. */
    public record Ban(long memberId, long bannedBy, Instant at, String reason) {}

    /** Throws {@link Banned} when the member is banned. */
    public void requireAllowed(Handle h, long memberId) {
        if (find(h, memberId).isPresent()) {
            throw new Banned();
        }
    }

    public void requireAllowed(long memberId) {
        jdbi.useHandle(h -> requireAllowed(h, memberId));
    }

    public boolean isBanned(long memberId) {
        return jdbi.withHandle(h -> find(h, memberId)).isPresent();
    }

    public Optional<Ban> find(Handle h, long memberId) {
        return h.createQuery("SELECT member_id, banned_by, banned_at, reason FROM bans WHERE member_id = :m")
                .bind("m", memberId)
                .map((rs, ctx) -> new Ban(rs.getLong("member_id"), rs.getLong("banned_by"),
                        Instant.ofEpochMilli(rs.getLong("banned_at")), rs.getString("reason")))
                .findOne();
    }

    /** Bans the member; false when they already were. */
    public boolean ban(Handle h, long memberId, long by, Instant at, String reason) {
        return h.createUpdate("INSERT INTO bans (member_id, banned_by, banned_at, reason) VALUES (:m, :by, :at, :reason) "
                        + "ON CONFLICT (member_id) DO NOTHING")
                .bind("m", memberId)
                .bind("by", by)
                .bind("at", at.toEpochMilli())
                .bind("reason", reason)
                .execute() == 1;
    }

    /** Lifts the ban; false when there was none. */
    public boolean unban(Handle h, long memberId) {
        return h.createUpdate("DELETE FROM bans WHERE member_id = :m").bind("m", memberId).execute() == 1;
    }
}
