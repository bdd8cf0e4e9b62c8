package paperboy.web.pages;

import java.util.List;

/**
 * {@code /manage?t=}: a subscriber's digest, changed without a login (the signed token is the key):
 * frequency, topics (saved searches), unsubscribing. {@code notice} says what the last change did.
 */
public record ManagePage(String token, String email, String frequency, String state, List<Topic> topics,
        boolean canAddTopic, int maxTopics, String notice, String csrf) {

    /** A saved search and the address of its results. */
    public record Topic(String query, String href) {}

    public boolean subscribed() {
        return !"unsubscribed".equals(state);
    }
}
