package paperboy.community.discussion;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** Members' reports of comments to the moderators (table {@code comment_reports}; one per member and comment). */
public final class Reports {
    public static final int MAX_REASON = 500;

    private final Jdbi jdbi;
    private final Comments comments;
    private final Clock clock;

    public Reports(Jdbi jdbi, Comments comments, Clock clock) {
        this.jdbi = jdbi;
        this.comments = comments;
        this.clock = clock;
    }

    /** A report as moderators read it, with the comment it is about. */
    public record Report(Comment comment, long memberId, String reason, Instant at) {}

    /** Reports the comment; reporting it again changes nothing. */
    public void report(long memberId, long commentId, String reason) {
        comments.find(commentId).orElseThrow(() -> CommentRefused.notFound(commentId));
        String why = reason == null || reason.isBlank() ? "(no reason given)" : reason.strip();
        if (why.length() > MAX_REASON) {
            throw CommentRefused.invalid("A reason is at most " + MAX_REASON + " characters.");
        }
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO comment_reports (comment_id, member_id, reason, reported_at) "
                        + "VALUES (:c, :m, :reason, :at) ON CONFLICT (comment_id, member_id) DO NOTHING")
                .bind("c", commentId).bind("m", memberId).bind("reason", why).bind("at", clock.millis())
                .execute());
    }

    /** Reports of comments still shown, newest first: what moderators have to look at. */
    public List<Report> open(int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT c.*, r.member_id AS reporter, r.reason, r.reported_at "
                        + "FROM comment_reports r JOIN comments c ON c.id = r.comment_id WHERE c.state = 'visible' "
                        + "ORDER BY r.reported_at DESC, c.id LIMIT :limit")
                .bind("limit", limit)
                .map((rs, ctx) -> new Report(Comments.ROW.map(rs, ctx), rs.getLong("reporter"), rs.getString("reason"),
                        Instant.ofEpochMilli(rs.getLong("reported_at"))))
                .list());
    }
}
