package paperboy.web.pages;

import paperboy.community.Marks;
import paperboy.community.discussion.Comment;
import paperboy.community.discussion.Discussion;

/**
 * What the community adds to a paper's page: who submitted it ({@code submitter}, null: nobody),
 * whether the member looking upvoted it, its discussion, who is looking ({@code memberId}, null
 * for a visitor who is not logged in; {@code moderator} when they may moderate), and a notice
 * after an action ("your submission counts as your upvote"), null otherwise.
 */
public record PaperCommunity(Marks.Submitter submitter, boolean upvoted, Discussion discussion, Long memberId,
        boolean moderator, String notice) {

    public boolean isMember() {
        return memberId != null;
    }

    /** Whether the member looking wrote {@code c} (and so may edit and delete it). */
    public boolean mine(Comment c) {
        return memberId != null && c.memberId() == memberId;
    }

    /** Whether {@code c}'s text is shown: visible, or hidden and looked at by a moderator. */
    public boolean shows(Comment c) {
        return c.visible() || (moderator && c.state() == Comment.State.HIDDEN);
    }
}
