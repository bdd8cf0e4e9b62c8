package paperboy.syndication;

import paperboy.http.SiteUrl;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.time.Clock;
import java.util.function.Function;
import paperboy.feed.Feed;
import paperboy.feed.Period;
import paperboy.paper.PaperStore;
import paperboy.search.PaperIndex;

/**
 * Atom and RSS feeds of every list and search, at the list's or search's own address with
 * {@code .atom} or {@code .rss} added: {@code /feed.atom} (the latest day),
 * {@code /papers/date/2026-08-21.atom}, {@code /papers/week/2026-W34.atom},
 * {@code /papers/month/2026-08.atom}, {@code /trending.atom} and {@code /search.atom?q=...}.
 * Register these before the list pages: {@code /papers/date/{day}} would also take
 * {@code 2026-08-21.atom}, and Javalin gives a request to the first route that matches.
 */
public final class SyndicationRoutes {
    /** A month's feed is about 300 KB (50 abstracts, as summary and as HTML): 200 of them stay under 60 MB. */
    private static final int CAPACITY = 200;

    private final PaperStore papers;
    private final PaperIndex index;
    private final ListFeeds lists;
    private final SearchFeeds searches;
    private final FeedWriter writer = new FeedWriter();
    private final FeedCache cache;

    public SyndicationRoutes(Feed feed, PaperStore papers, PaperIndex index, SiteUrl site, Clock clock) {
        this.papers = papers;
        this.index = index;
        this.lists = new ListFeeds(feed);
        this.searches = new SearchFeeds(index, papers);
        this.cache = new FeedCache(site, clock, CAPACITY);
    }

    public void addTo(RoutesConfig routes) {
        for (FeedFormat format : FeedFormat.values()) {
            String suffix = "." + format.extension();
            routes.get("/feed" + suffix, list(format, ctx -> lists.latest()));
            routes.get("/papers/date/{day}" + suffix, list(format, ctx -> lists.period(Period.day(ctx.pathParam("day")))));
            routes.get("/papers/week/{week}" + suffix, list(format, ctx -> lists.period(Period.week(ctx.pathParam("week")))));
            routes.get("/papers/month/{month}" + suffix, list(format, ctx -> lists.period(Period.month(ctx.pathParam("month")))));
            routes.get("/trending" + suffix, list(format, ctx -> lists.trending()));
            routes.get("/search" + suffix, search(format));
        }
    }

    /** A feed made from the store alone: it changes with the store's change number (and trending with time). */
    private Handler list(FeedFormat format, Function<Context, PaperFeed> source) {
        return cache.of(format, () -> new FeedCache.Version(papers.knownChangeNo(), 0, 0),
                (ctx, base) -> new FeedCache.Made(writer.write(source.apply(ctx), format, base), true));
    }

    /** A search's feed changes with what the index holds (words and vectors) and with the papers as stored. */
    private Handler search(FeedFormat format) {
        return cache.of(format,
                () -> new FeedCache.Version(papers.knownChangeNo(), index.committedPosition().changeNo(),
                        index.vectorPosition().changeNo()),
                (ctx, base) -> {
                    SearchFeeds.Found found = searches.search(ctx);
                    return new FeedCache.Made(writer.write(found.feed(), format, base), found.complete());
                });
    }
}
