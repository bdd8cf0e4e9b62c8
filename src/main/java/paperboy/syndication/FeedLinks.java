package paperboy.syndication;

/**
 * The feeds a page offers, for its {@code <link rel="alternate">} tags and its visible feed link:
 * the Atom and RSS addresses (from the site's root) and a title for feed readers.
 */
public record FeedLinks(String atom, String rss, String title) {
    /** The latest featured day: what every page without a feed of its own offers. */
    public static final FeedLinks LATEST = forPage("/", "Paperboy: the latest day");

    /**
     * The feeds of the page at {@code pathAndQuery}: the same address with {@code .atom} or
     * {@code .rss} before the query string ({@code /search?q=x} has {@code /search.atom?q=x});
     * {@code /}, the latest day, has {@code /feed.atom}.
     */
    public static FeedLinks forPage(String pathAndQuery, String title) {
        int q = pathAndQuery.indexOf('?');
        String path = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
        String query = q < 0 ? "" : pathAndQuery.substring(q);
        String feed = path.equals("/") ? "/feed" : path;
        return new FeedLinks(feed + "." + FeedFormat.ATOM.extension() + query,
                feed + "." + FeedFormat.RSS.extension() + query, title);
    }
}
