package paperboy.community.moderation;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** The audit log of moderation (table {@code moderation_log}): only appended to, read by admins. */
public final class ModerationLog {
    private final Jdbi jdbi;

    public ModerationLog(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    void append(Handle h, long moderatorId, LogEntry.Action action, String target, String reason, Instant at) {
        h.createUpdate("INSERT INTO moderation_log (moderator_id, action, target, reason, at) "
                        + "VALUES (:m, :action, :target, :reason, :at)")
                .bind("m", moderatorId)
                .bind("action", action.word())
                .bind("target", target)
                .bind("reason", reason)
                .bind("at", at.toEpochMilli())
                .execute();
    }

    /** The newest entries first. */
    public List<LogEntry> latest(int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM moderation_log ORDER BY at DESC, id DESC LIMIT :limit")
                .bind("limit", limit)
                .map((rs, ctx) -> new LogEntry(rs.getLong("id"), rs.getLong("moderator_id"),
                        LogEntry.Action.of(rs.getString("action")), rs.getString("target"), rs.getString("reason"),
                        Instant.ofEpochMilli(rs.getLong("at"))))
                .list());
    }
}
