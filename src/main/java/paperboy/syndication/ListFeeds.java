package paperboy.syndication;

import java.util.List;
import paperboy.feed.Feed;
import paperboy.feed.Period;
import paperboy.feed.Trending;
import paperboy.paper.FeaturedPaper;

/**
 * The feeds of the daily lists: the latest featured day, any day, ISO week or month (its first
 * {@value #SIZE} papers, most upvoted first, as on its page) and trending. An entry's time is when
 * its paper was featured.
 */
final class ListFeeds {
    static final int SIZE = 50;

    private final Feed feed;

    ListFeeds(Feed feed) {
        this.feed = feed;
    }

    /** The latest featured day, at {@code /feed}; empty before anything is featured. */
    PaperFeed latest() {
        return feed.latestDay()
                .map(day -> period(new Period.Day(day), "/", "/feed"))
                .orElseGet(() -> new PaperFeed("Paperboy: the latest day", "Nothing has been featured yet.", "/", "/feed", "",
                        List.of()));
    }

    PaperFeed period(Period period) {
        String page = "/papers/" + period.path();
        return period(period, page, page);
    }

    private PaperFeed period(Period period, String pagePath, String feedPath) {
        List<FeaturedPaper> papers = feed.list(period, Feed.Sort.UPVOTES, 0, SIZE).papers();
        String on = period instanceof Period.Day ? "on " : "in ";
        return new PaperFeed("Paperboy: " + period.label(),
                "The papers featured " + on + period.label() + ", most upvoted first.", pagePath, feedPath, "", items(papers));
    }

    /** The trending list's first papers, as on {@code /papers/trending}: upvotes that fade with the hours since featured. */
    PaperFeed trending() {
        return new PaperFeed("Paperboy: trending",
                "The papers first featured in the last " + Trending.WINDOW.toDays() + " days, ranked by upvotes that fade"
                        + " with the hours since they were featured.", "/papers/trending", "/trending", "",
                items(feed.trending(0, SIZE).papers()));
    }

    private static List<PaperFeed.Item> items(List<FeaturedPaper> papers) {
        return papers.stream().map(f -> new PaperFeed.Item(f.paper(), f.featuredAt())).toList();
    }
}
