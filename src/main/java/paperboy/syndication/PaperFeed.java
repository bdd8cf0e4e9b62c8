package paperboy.syndication;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import paperboy.paper.Paper;

/**
 * One feed before it is written as Atom or RSS. Paths are from the site's root: {@code pagePath}
 * is the page the feed follows ({@code /papers/date/2026-08-21}), {@code feedPath} its own address
 * without the format's suffix ({@code /papers/date/2026-08-21}, {@code /feed}, {@code /search}),
 * and {@code query} the query string that goes after the suffix ("" for none).
 */
record PaperFeed(String title, String subtitle, String pagePath, String feedPath, String query, List<Item> items) {
    PaperFeed {
        items = List.copyOf(items);
    }

    /** A paper on the feed and the time it counts as updated: when it was featured on lists, its arXiv date in searches. */
    record Item(Paper paper, Instant updated) {}

    /**
     * When the feed last changed as far as its entries tell: the newest entry's time. An empty feed
     * has nothing newer than the epoch, which is still a valid date for readers.
     */
    Instant updated() {
        return items.stream().map(Item::updated).max(Comparator.naturalOrder()).orElse(Instant.EPOCH);
    }

    /** The feed's own address in {@code format}, from the site's root. */
    String path(FeedFormat format) {
        return feedPath + "." + format.extension() + (query.isEmpty() ? "" : "?" + query);
    }
}
