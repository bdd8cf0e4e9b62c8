package paperboy.account;

/**
 * Thrown by {@link Visitors#requireMember} when the visitor is not logged in: a page answers it by
 * sending the browser to {@code /login?next=...} and back, the API with 401.
 */
public final class MemberRequired extends RuntimeException {
    public MemberRequired() {
        super("Log in to do this.");
    }
}
