package paperboy.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import paperboy.community.CommunityView;
import paperboy.community.Marks;
import paperboy.feed.DailyList;
import paperboy.feed.Feed;
import paperboy.feed.Period;
import paperboy.feed.Trending;
import paperboy.feed.TrendingList;
import paperboy.http.HttpError;
import paperboy.http.PageCache;
import paperboy.http.Remembered;
import paperboy.http.Params;
import paperboy.http.SiteUrl;
import paperboy.paper.ArxivId;
import paperboy.paper.FeaturedPaper;
import paperboy.paper.PaperStore;
import paperboy.syndication.FeedLinks;
import paperboy.web.pages.Head;
import paperboy.web.pages.Link;
import paperboy.web.pages.ListPage;
import paperboy.web.pages.PaperCard;
import paperboy.web.pages.WelcomePage;

/**
 * The daily list pages: {@code /} (the latest featured day), one page per day, ISO week and month
 * (most upvoted first, or {@code ?sort=trending}), and the trending list {@code /papers/trending}.
 * All are cached by the page cache, whose entries lapse after five minutes: trending ages with time.
 * A member's pages cannot be cached (they carry their name, token and upvotes), so what a page shows
 * every visitor (the list, its cards and their submitters) is remembered beside it, for the same
 * versions of the data, and only the member's own upvotes are looked up (one query) when it is
 * shown to them.
 */
final class FeedRoutes {
    static final int PAGE_SIZE = 50;
    /** List pages remembered for members: each holds up to {@link #PAGE_SIZE} cards, tens of kilobytes. */
    private static final int SHOWN_CAPACITY = 200;
    private static final String TRENDING_PATH = "/papers/trending";
    private static final FeedLinks TRENDING_FEEDS = new FeedLinks("/trending.atom", "/trending.rss", "Paperboy: trending");
    private static final DateTimeFormatter SINCE = DateTimeFormatter.ofPattern("EEEE d MMMM uuuu, HH:mm 'UTC'", Locale.ENGLISH);

    private final Feed feed;
    private final PaperStore papers;
    private final Pages pages;
    private final PageCache cache;
    private final SiteUrl site;
    private final boolean subscribeBox;
    private final CommunityView community;
    private final Remembered<Shown> shown;

    /** A page as every visitor sees it: a {@link ListPage} gets the member's own upvotes when shown. */
    private record Shown(String template, Object page, Head head) {}

    /** @param subscribeBox whether list pages offer the digest (the site sends mail) */
    FeedRoutes(Feed feed, PaperStore papers, Pages pages, PageCache cache, SiteUrl site, boolean subscribeBox,
            CommunityView community) {
        this.community = community;
        this.site = site;
        this.subscribeBox = subscribeBox;
        this.feed = feed;
        this.papers = papers;
        this.pages = pages;
        this.cache = cache;
        this.shown = cache.remembering(SHOWN_CAPACITY);
    }

    void addTo(RoutesConfig routes) {
        routes.get("/", cache.of(ctx -> answer(ctx, this::latest)));
        routes.get(TRENDING_PATH, cache.of(ctx -> answer(ctx, this::trending)));
        routes.get("/papers/date/{day}", cache.of(ctx -> answer(ctx, c -> show(c, Period.day(c.pathParam("day")), false))));
        routes.get("/papers/week/{week}", cache.of(ctx -> answer(ctx, c -> show(c, Period.week(c.pathParam("week")), false))));
        routes.get("/papers/month/{month}", cache.of(ctx -> answer(ctx, c -> show(c, Period.month(c.pathParam("month")), false))));
    }

    /** Renders the page as every visitor sees it (remembered), with the member's own upvotes marked. */
    private void answer(Context ctx, Function<Context, Shown> make) {
        Shown shared = shown.get(Remembered.key(ctx), () -> make.apply(ctx));
        Object page = shared.page() instanceof ListPage list ? withUpvotes(ctx, list) : shared.page();
        pages.render(ctx, shared.template(), page, shared.head());
    }

    /** The list with the cards the member looking upvoted marked (one query); as it is for anyone else. */
    private ListPage withUpvotes(Context ctx, ListPage list) {
        Long member = Looking.memberId(ctx);
        if (member == null || list.papers().isEmpty()) {
            return list;
        }
        Set<ArxivId> mine = community.upvotedBy(member, list.papers().stream().map(card -> new ArxivId(card.id())).toList());
        return list.withUpvoted(mine.stream().map(ArxivId::value).collect(Collectors.toSet()));
    }

    /** The latest featured day; before anything is featured, a welcome page that says how to fill the store. */
    private Shown latest(Context ctx) {
        return feed.latestDay().map(day -> show(ctx, new Period.Day(day), true))
                .orElseGet(() -> new Shown("welcome.jte", new WelcomePage(papers.count()), Head.at(site.absolute(ctx, "/"))));
    }

    /** {@code home}: shown at {@code /}, whose first page is its own canonical address (the latest day, whichever it is). */
    private Shown show(Context ctx, Period period, boolean home) {
        int page = page(ctx);
        boolean trending = sort(ctx) == Feed.Sort.TRENDING;
        DailyList list = feed.list(period, trending ? Feed.Sort.TRENDING : Feed.Sort.UPVOTES, (page - 1) * PAGE_SIZE, PAGE_SIZE);
        String path = "/papers/" + period.path();
        String base = trending ? path + "?sort=trending" : path;
        Link previous = link("← " + (list.previous() == null ? "Previous" : list.previous().label()), list.previous());
        Link next = link((list.next() == null ? "Next" : list.next().label()) + " →", list.next());
        return new Shown("list.jte", new ListPage(period.label(), tab(period), tabs(dayOf(period)), previous, next,
                new ListPage.Orders(List.of(new Link("Most upvoted", path), new Link("Trending", path + "?sort=trending")),
                        trending ? "trending" : "most upvoted"),
                cards(list.papers()), list.total(), Paging.of(base, page, list.total(), PAGE_SIZE),
                new ListPage.Empty(nothingFeatured(period), "The nearest lists with papers:",
                        Stream.of(previous, next).filter(Link::enabled).toList()),
                trending ? new ListPage.Ranking(Trending.formula(), "Here it orders the papers of " + period.label()
                        + ", each counted from its first featuring there.") : ListPage.Ranking.NONE,
                FeedLinks.forPage(ctx.path(), ctx.path().equals("/") ? "Paperboy: the latest day" : "Paperboy: " + period.label()), subscribeBox),
                Head.at(site.absolute(ctx, home && page == 1 && !trending ? "/" : pageAddress(base, page))));
    }

    /** The papers first featured in the last days, ranked by {@link Trending}; empty, it links the latest list. */
    private Shown trending(Context ctx) {
        int page = page(ctx);
        TrendingList list = feed.trending((page - 1) * PAGE_SIZE, PAGE_SIZE);
        Optional<LocalDate> latest = feed.latestDay();
        long days = Trending.WINDOW.toDays();
        return new Shown("list.jte", new ListPage("Trending", "trending", tabs(latest.orElse(null)), null, null,
                ListPage.Orders.NONE, cards(list.papers()), list.total(), Paging.of(TRENDING_PATH, page, list.total(), PAGE_SIZE),
                new ListPage.Empty("Nothing was featured in the last " + days + " days", "The latest list:",
                        latest.map(day -> List.of(new Link(new Period.Day(day).label(), "/papers/" + new Period.Day(day).path())))
                                .orElse(List.of())),
                new ListPage.Ranking(Trending.formula(), "The list holds the papers first featured in the last " + days
                        + " days (since " + SINCE.format(list.since().atZone(ZoneOffset.UTC)) + "); a paper featured on"
                        + " several days counts from its first featuring. The page is recomputed at least every five minutes."),
                TRENDING_FEEDS, subscribeBox),
                Head.at(site.absolute(ctx, pageAddress(TRENDING_PATH, page))));
    }

    private static int page(Context ctx) {
        return Params.integer(ctx, "page", 1, 1, 10_000);
    }

    private static Feed.Sort sort(Context ctx) {
        String sort = Params.text(ctx, "sort");
        if (sort == null || sort.equals("upvotes")) {
            return Feed.Sort.UPVOTES;
        }
        if (sort.equals("trending")) {
            return Feed.Sort.TRENDING;
        }
        throw HttpError.badRequest("sort must be upvotes or trending");
    }

    private static String pageAddress(String base, int page) {
        return page == 1 ? base : base + (base.contains("?") ? "&" : "?") + "page=" + page;
    }

    /** The cards of a list, with who submitted each, as anyone sees them (no member's upvotes). */
    private List<PaperCard> cards(List<FeaturedPaper> papers) {
        Marks marks = community.marks(papers.stream().map(f -> f.paper().id()).toList(), null);
        return papers.stream().map(f -> Cards.of(f, marks)).toList();
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

    /** The day the Day tab opens: the day itself, or the period's first featured day. */
    private LocalDate dayOf(Period period) {
        return period instanceof Period.Day d ? d.day() : feed.firstDay(period).orElse(period.first());
    }

    /** Day / Week / Month around {@code day} (disabled when null: nothing featured yet), and Trending. */
    private static List<Link> tabs(LocalDate day) {
        return List.of(
                new Link("Day", day == null ? null : "/papers/" + new Period.Day(day).path()),
                new Link("Week", day == null ? null : "/papers/" + Period.Week.of(day).path()),
                new Link("Month", day == null ? null : "/papers/" + new Period.Month(YearMonth.from(day)).path()),
                new Link("Trending", TRENDING_PATH));
    }

    private static Link link(String label, Period period) {
        return new Link(label, period == null ? null : "/papers/" + period.path());
    }
}
