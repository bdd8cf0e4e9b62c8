package paperboy.subscription;

/**
 * A saved search whose new papers a subscriber's digest adds: anything the search box takes,
 * {@code cat:} included, up to the search box's length.
 */
public record Topic(String query) {
    public static final int MAX_LENGTH = 250;
    /** Topics per subscriber: each is a search per edition. */
    public static final int MAX_PER_SUBSCRIBER = 10;

    /** More topics than a digest takes: refused whole, nothing changed. */
    public static final class TooMany extends IllegalArgumentException {
        TooMany(EmailAddress email) {
            super(email + " would have more than " + MAX_PER_SUBSCRIBER + " topics, the most a digest takes; nothing changed for it");
        }
    }

    public Topic {
        query = query == null ? "" : query.strip().replaceAll("\\s+", " ");
        if (query.isEmpty()) {
            throw new IllegalArgumentException("a topic is a search; this one is empty");
        }
        if (query.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("a topic is at most " + MAX_LENGTH + " characters");
        }
    }
}
