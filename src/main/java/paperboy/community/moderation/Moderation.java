package paperboy.community.moderation;

import java.time.Clock;
import org.jdbi.v3.core.Jdbi;
import paperboy.community.Bans;
import paperboy.community.Submission;
import paperboy.community.Submissions;
import paperboy.community.Submitting;
import paperboy.community.discussion.Comment;
import paperboy.community.discussion.Comments;
import paperboy.paper.ArxivId;
import paperboy.paper.PaperStore;

/**
 * What moderators do: hide and restore comments, ban and unban members, take a submitted paper off
 * its list. Each action and its audit-log entry are one transaction; an action that changes nothing
 * (hiding a hidden comment) is not logged. Callers check the role; this does what it is told.
 */
public final class Moderation {
    public static final int MAX_REASON = 500;

    private final Jdbi jdbi;
    private final Comments comments;
    private final Bans bans;
    private final Submissions submissions;
    private final PaperStore papers;
    private final ModerationLog log;
    private final Clock clock;

    public Moderation(Jdbi jdbi, Comments comments, Bans bans, Submissions submissions, PaperStore papers,
            ModerationLog log, Clock clock) {
        this.jdbi = jdbi;
        this.comments = comments;
        this.bans = bans;
        this.submissions = submissions;
        this.papers = papers;
        this.log = log;
        this.clock = clock;
    }

    public ModerationLog log() {
        return log;
    }

    public boolean hide(long moderatorId, long commentId, String reason) {
        return move(moderatorId, commentId, Comment.State.VISIBLE, Comment.State.HIDDEN, LogEntry.Action.HIDE, reason);
    }

    public boolean restore(long moderatorId, long commentId, String reason) {
        return move(moderatorId, commentId, Comment.State.HIDDEN, Comment.State.VISIBLE, LogEntry.Action.RESTORE, reason);
    }

    private boolean move(long moderatorId, long commentId, Comment.State from, Comment.State to, LogEntry.Action action,
            String reason) {
        String why = reason(reason);
        return jdbi.inTransaction(h -> {
            boolean moved = comments.move(h, commentId, from, to);
            if (moved) {
                log.append(h, moderatorId, action, "comment:" + commentId, why, clock.instant());
            }
            return moved;
        });
    }

    /**
     * Bans a member (accounts end their sessions and tokens). The ban and its log entry are two
     * writes, the ban first: a failure between them leaves a ban without its entry, never an entry
     * for a ban that did not happen.
     */
    public boolean ban(long moderatorId, long memberId, String reason) {
        String why = reason(reason);
        boolean banned = bans.ban(memberId);
        if (banned) {
            jdbi.useTransaction(h -> log.append(h, moderatorId, LogEntry.Action.BAN, "member:" + memberId, why, clock.instant()));
        }
        return banned;
    }

    public boolean unban(long moderatorId, long memberId, String reason) {
        String why = reason(reason);
        boolean lifted = bans.unban(memberId);
        if (lifted) {
            jdbi.useTransaction(h -> log.append(h, moderatorId, LogEntry.Action.UNBAN, "member:" + memberId, why, clock.instant()));
        }
        return lifted;
    }

    /** Takes a submitted paper off the list it was submitted to; the paper stays in the index. */
    public boolean removeSubmission(long moderatorId, ArxivId paper, String reason) {
        String why = reason(reason);
        return jdbi.inTransaction(h -> {
            Submission submission = submissions.of(h, paper).orElse(null);
            if (submission == null) {
                return false;
            }
            submissions.remove(h, paper);
            papers.unfeature(h, paper, submission.day(), Submitting.SOURCE);
            log.append(h, moderatorId, LogEntry.Action.REMOVE_SUBMISSION, "paper:" + paper.value(), why, clock.instant());
            return true;
        });
    }

    private static String reason(String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.length() > MAX_REASON) {
            throw new IllegalArgumentException("A reason is at most " + MAX_REASON + " characters.");
        }
        return why;
    }
}
