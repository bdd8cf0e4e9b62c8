package paperboy.community.discussion;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import paperboy.community.Bans;
import paperboy.community.UnknownPaper;
import paperboy.paper.ArxivId;
import paperboy.paper.PaperStore;

/**
 * The discussion of papers (table {@code comments}): write, reply one level deep, edit and delete
 * your own. Each write also moves the paper's count of visible comments and takes a change number
 * in the same transaction, so cached pages show it at once.
 */
public final class Comments {
    /** Hugging Face's limit for a comment. */
    public static final int MAX_LENGTH = 65_536;

    static final RowMapper<Comment> ROW = (rs, ctx) -> new Comment(rs.getLong("id"),
            new ArxivId(rs.getString("paper_id")), rs.getLong("member_id"),
            rs.getObject("parent_id") == null ? null : rs.getLong("parent_id"),
            rs.getString("body"), rs.getString("html"), Instant.ofEpochMilli(rs.getLong("created_at")),
            rs.getObject("edited_at") == null ? null : Instant.ofEpochMilli(rs.getLong("edited_at")),
            Comment.State.of(rs.getString("state")));

    private final Jdbi jdbi;
    private final PaperStore papers;
    private final Bans bans;
    private final CommentMarkdown markdown;
    private final Clock clock;

    public Comments(Jdbi jdbi, PaperStore papers, Bans bans, CommentMarkdown markdown, Clock clock) {
        this.jdbi = jdbi;
        this.papers = papers;
        this.bans = bans;
        this.markdown = markdown;
        this.clock = clock;
    }

    /**
     * A new comment on the paper, or a reply to {@code parentId} (a reply to a reply joins its
     * thread: replies are one level deep).
     */
    public Comment add(long memberId, ArxivId paper, Long parentId, String body) {
        String text = checked(body);
        String html = markdown.html(text); // rendered before the transaction, which holds the store's write lock
        return jdbi.inTransaction(h -> {
            PaperStore.queueForWrite(h);
            bans.requireAllowed(h, memberId);
            if (!papers.isKnown(h, paper)) {
                throw new UnknownPaper(paper);
            }
            Long parent = parentId == null ? null : threadOf(h, paper, parentId);
            long id = h.createQuery("INSERT INTO comments (paper_id, member_id, parent_id, body, html, created_at, state) "
                            + "VALUES (:paper, :member, :parent, :body, :html, :at, 'visible') RETURNING id")
                    .bind("paper", paper.value())
                    .bind("member", memberId)
                    .bind("parent", parent)
                    .bind("body", text)
                    .bind("html", html)
                    .bind("at", clock.millis())
                    .mapTo(Long.class)
                    .one();
            papers.addMemberCounts(h, paper, 0, 1);
            return find(h, id).orElseThrow();
        });
    }

    /** The top-level comment a reply to {@code parentId} belongs under. */
    private Long threadOf(Handle h, ArxivId paper, long parentId) {
        Comment parent = find(h, parentId).orElseThrow(() -> CommentRefused.notFound(parentId));
        if (!parent.paper().equals(paper)) {
            throw CommentRefused.invalid("Comment " + parentId + " is on another paper.");
        }
        if (!parent.visible()) {
            throw CommentRefused.invalid("Comment " + parentId + " is no longer shown, so it cannot be replied to.");
        }
        return parent.isReply() ? parent.parentId() : parent.id();
    }

    /** The author's new text for their comment. */
    public Comment edit(long memberId, long id, String body) {
        String text = checked(body);
        String html = markdown.html(text); // as in add: before the write lock
        return jdbi.inTransaction(h -> {
            PaperStore.queueForWrite(h);
            bans.requireAllowed(h, memberId);
            Comment comment = own(h, memberId, id);
            if (!comment.visible()) {
                throw CommentRefused.invalid("This comment is no longer shown, so it cannot be edited.");
            }
            h.createUpdate("UPDATE comments SET body = :body, html = :html, edited_at = :at WHERE id = :id")
                    .bind("body", text).bind("html", html).bind("at", clock.millis()).bind("id", id)
                    .execute();
            papers.changed(h, List.of(comment.paper())); // the page shows the new text
            return find(h, id).orElseThrow();
        });
    }

    /**
     * The author deletes their comment: its text is erased for good and the comment shows as
     * deleted, so that replies keep their place. Deleting it again changes nothing.
     */
    public Comment delete(long memberId, long id) {
        return jdbi.inTransaction(h -> {
            PaperStore.queueForWrite(h);
            Comment comment = own(h, memberId, id);
            if (comment.state() != Comment.State.DELETED) {
                h.createUpdate("UPDATE comments SET body = '', html = '', state = 'deleted' WHERE id = :id")
                        .bind("id", id).execute();
                papers.addMemberCounts(h, comment.paper(), 0, comment.visible() ? -1 : 0);
            }
            return find(h, id).orElseThrow();
        });
    }

    /**
     * Moves a comment between visible and hidden (moderation), inside the caller's transaction;
     * false when it was not in the state {@code from}.
     */
    public boolean move(Handle h, long id, Comment.State from, Comment.State to) {
        PaperStore.queueForWrite(h);
        Comment comment = find(h, id).orElseThrow(() -> CommentRefused.notFound(id));
        if (comment.state() != from) {
            return false;
        }
        h.createUpdate("UPDATE comments SET state = :to WHERE id = :id").bind("to", to.column()).bind("id", id).execute();
        int delta = (to == Comment.State.VISIBLE ? 1 : 0) - (from == Comment.State.VISIBLE ? 1 : 0);
        papers.addMemberCounts(h, comment.paper(), 0, delta);
        return true;
    }

    private Comment own(Handle h, long memberId, long id) {
        Comment comment = find(h, id).orElseThrow(() -> CommentRefused.notFound(id));
        if (comment.memberId() != memberId) {
            throw CommentRefused.notYours();
        }
        return comment;
    }

    private static String checked(String body) {
        String text = body == null ? "" : body.strip();
        if (text.isEmpty()) {
            throw CommentRefused.invalid("A comment needs some text.");
        }
        if (text.length() > MAX_LENGTH) {
            throw CommentRefused.invalid("A comment is at most " + MAX_LENGTH + " characters; this one has "
                    + text.length() + ".");
        }
        return text;
    }

    public Optional<Comment> find(long id) {
        return jdbi.withHandle(h -> find(h, id));
    }

    public Optional<Comment> find(Handle h, long id) {
        return h.createQuery("SELECT * FROM comments WHERE id = :id").bind("id", id).map(ROW).findOne();
    }

    /** The paper's comments in the order they were written (replies are placed by their parent). */
    public List<Comment> of(ArxivId paper) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM comments WHERE paper_id = :p ORDER BY created_at, id")
                .bind("p", paper.value())
                .map(ROW)
                .list());
    }
}
