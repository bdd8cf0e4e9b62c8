package paperboy.community.moderation;

import java.time.Instant;

/** One moderation action as the audit log keeps it: who did what to which target, when and why. */
public record LogEntry(long id, long moderatorId, Action action, String target, String reason, Instant at) {

    /** What moderators do. */
    public enum Action {
        HIDE("hide"), RESTORE("restore"), BAN("ban"), UNBAN("unban"), REMOVE_SUBMISSION("remove-submission");

        private final String word;

        Action(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }

        static Action of(String word) {
            for (Action a : values()) {
                if (a.word.equals(word)) {
                    return a;
                }
            }
            throw new IllegalStateException("unknown moderation action in the log: " + word);
        }
    }
}
