package paperboy.community.discussion;

/**
 * A comment write that cannot be done: another member's comment (403), an empty or too long body
 * or a parent on another paper (422), a comment that does not exist (404).
 */
public final class CommentRefused extends RuntimeException {
    private final int status;

    CommentRefused(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }

    static CommentRefused notYours() {
        return new CommentRefused(403, "Only its author can change this comment.");
    }

    static CommentRefused notFound(long id) {
        return new CommentRefused(404, "There is no comment " + id + ".");
    }

    static CommentRefused invalid(String message) {
        return new CommentRefused(422, message);
    }
}
