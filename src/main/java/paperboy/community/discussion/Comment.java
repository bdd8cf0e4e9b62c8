package paperboy.community.discussion;

import java.time.Instant;
import paperboy.paper.ArxivId;

/**
 * One comment on a paper: its author, the comment it replies to ({@code parentId}, null at the top;
 * replies are one level deep), the member's Markdown and the sanitised HTML it renders to, when it
 * was written and last edited (null: never), and its state.
 */
public record Comment(long id, ArxivId paper, long memberId, Long parentId, String body, String html,
        Instant createdAt, Instant editedAt, State state) {

    /** Visible to all; hidden by a moderator (who can restore it); deleted by its author (for good). */
    public enum State {
        VISIBLE, HIDDEN, DELETED;

        String column() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        static State of(String column) {
            return valueOf(column.toUpperCase(java.util.Locale.ROOT));
        }
    }

    public boolean visible() {
        return state == State.VISIBLE;
    }

    public boolean isReply() {
        return parentId != null;
    }
}
