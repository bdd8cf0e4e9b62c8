package paperboy.syndication;

/**
 * The formats every feed is served in: the suffix of its address ({@code /feed.atom}), its media
 * type, and the name Rome writes it by.
 */
public enum FeedFormat {
    ATOM("atom", "application/atom+xml", "atom_1.0"),
    RSS("rss", "application/rss+xml", "rss_2.0");

    private final String extension;
    private final String mediaType;
    private final String romeType;

    FeedFormat(String extension, String mediaType, String romeType) {
        this.extension = extension;
        this.mediaType = mediaType;
        this.romeType = romeType;
    }

    public String extension() {
        return extension;
    }

    public String mediaType() {
        return mediaType;
    }

    String romeType() {
        return romeType;
    }
}
