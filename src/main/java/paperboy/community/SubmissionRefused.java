package paperboy.community;

/** A submission the rules refuse, with the reason a member reads on the form. */
public final class SubmissionRefused extends RuntimeException {
    /** Why; pages and the API answer each with its own status. */
    public enum Reason {
        /** arXiv answered that it has no paper of that id (404). */
        NOT_ON_ARXIV(404),
        /** The first version is older than the rules allow (422). */
        TOO_OLD(422),
        /** arXiv withdrew it (422). */
        WITHDRAWN(422),
        /** The member has used up today's submissions (429). */
        DAILY_LIMIT(429),
        /** arXiv could not be asked: not configured, or it did not answer (503). */
        ARXIV_UNAVAILABLE(503);

        private final int status;

        Reason(int status) {
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private final Reason reason;

    public SubmissionRefused(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
