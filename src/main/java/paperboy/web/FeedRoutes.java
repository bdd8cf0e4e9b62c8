package paperboy.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.List;
import paperboy.feed.DailyList;
import paperboy.feed.Feed;
import paperboy.feed.Period;
import paperboy.http.PageCache;
import paperboy.http.Params;
import paperboy.http.SiteUrl;
import paperboy.paper.PaperStore;
import paperboy.syndication.FeedLinks;
import paperboy.web.pages.Head;
import paperboy.web.pages.Link;
import paperboy.web.pages.ListPage;
import paperboy.web.pages.WelcomePage;

/** The daily list pages: {@code /} (the latest featured day) and one page per day, ISO week and month. */
final class FeedRoutes {
    static final int PAGE_SIZE = 50;

    private final Feed feed;
    private final PaperStore papers;
    private final Pages pages;
    private final PageCache cache;
    private final SiteUrl site;
    private final boolean subscribeBox;

    /** @param subscribeBox whether list pages offer the digest (the site sends mail) */
    FeedRoutes(Feed feed, PaperStore papers, Pages pages, PageCache cache, SiteUrl site, boolean subscribeBox) {
        this.site = site;
        this.subscribeBox = subscribeBox;
        this.feed = feed;
        this.papers = papers;
        this.pages = pages;
        this.cache = cache;
    }

    void addTo(RoutesConfig routes) {
        routes.get("/", cache.of(this::latest));
        routes.get("/papers/date/{day}", cache.of(ctx -> show(ctx, Period.day(ctx.pathParam("day")), false)));
        routes.get("/papers/week/{week}", cache.of(ctx -> show(ctx, Period.week(ctx.pathParam("week")), false)));
        routes.get("/papers/month/{month}", cache.of(ctx -> show(ctx, Period.month(ctx.pathParam("month")), false)));
    }

    /** The latest featured day; before anything is featured, a welcome page that says how to fill the store. */
    private void latest(Context ctx) {
        feed.latestDay().ifPresentOrElse(day -> show(ctx, new Period.Day(day), true),
                () -> pages.render(ctx, "welcome.jte", new WelcomePage(papers.count()), Head.at(site.absolute(ctx, "/"))));
    }

    /** {@code home}: shown at {@code /}, whose first page is its own canonical address (the latest day, whichever it is). */
    private void show(Context ctx, Period period, boolean home) {
        int page = Params.integer(ctx, "page", 1, 1, 10_000);
        DailyList list = feed.list(period, Feed.Sort.UPVOTES, (page - 1) * PAGE_SIZE, PAGE_SIZE);
        pages.render(ctx, "list.jte", new ListPage(period.label(), tab(period), tabs(period),
                link("← " + (list.previous() == null ? "Previous" : list.previous().label()), list.previous()),
                link((list.next() == null ? "Next" : list.next().label()) + " →", list.next()),
                list.papers().stream().map(Cards::of).toList(),
                list.total(), Paging.of("/papers/" + period.path(), page, list.total(), PAGE_SIZE), nothingFeatured(period),
                FeedLinks.forPage(ctx.path(), ctx.path().equals("/") ? "Paperboy: the latest day" : "Paperboy: " + period.label()), subscribeBox),
                Head.at(site.absolute(ctx, home && page == 1 ? "/" : "/papers/" + period.path() + (page == 1 ? "" : "?page=" + page))));
    }

    /** A day or period with no papers is a normal page that says so, like the API's empty list. */
    private static String nothingFeatured(Period period) {
        return "Nothing was featured " + (period instanceof Period.Day ? "on " : "in ") + period.label();
    }

    private static String tab(Period period) {
        return switch (period) {
            case Period.Day d -> "day";
            case Period.Week w -> "week";
            case Period.Month m -> "month";
        };
    }

    /** Day / Week / Month around the same papers: the day tab opens the period's first featured day. */
    private List<Link> tabs(Period period) {
        LocalDate day = period instanceof Period.Day d ? d.day() : feed.firstDay(period).orElse(period.first());
        return List.of(
                new Link("Day", "/papers/" + new Period.Day(day).path()),
                new Link("Week", "/papers/" + Period.Week.of(day).path()),
                new Link("Month", "/papers/" + new Period.Month(java.time.YearMonth.from(day)).path()));
    }

    private static Link link(String label, Period period) {
        return new Link(label, period == null ? null : "/papers/" + period.path());
    }
}
