package paperboy.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static paperboy.paper.PaperBuilder.paper;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import paperboy.db.Database;
import paperboy.db.StoreTest;
import paperboy.paper.FeaturedPaper;
import paperboy.paper.FeaturedStore;
import paperboy.paper.PaperStore;
import paperboy.paper.PaperUpdate;

/** Trending ranked by the store, on SQLite and PostgreSQL: the order of the Java formula, over the window. */
class TrendingStoreTest {
    private static final Instant NOW = Instant.parse("2026-08-21T12:00:00Z");
    private static final Instant SINCE = NOW.minus(Trending.WINDOW);

    @StoreTest
    void theStoreRanksInTheOrderOfTheJavaFormula(Database db) {
        List<PaperUpdate> fixture = recentPapers(60);
        new PaperStore(db.jdbi()).upsert(fixture, "test");
        var featured = new FeaturedStore(db.jdbi());

        List<FeaturedPaper> ranked = featured.firstFeaturedSince(SINCE, Trending.ranking(NOW), 0, 100);

        assertThat(ranked).hasSize(60);
        assertThat(ids(ranked)).containsExactlyElementsOf(ids(ranked.stream().sorted(Trending.order(NOW)).toList()));
        // Not the order of upvotes alone: the formula is what ranks.
        assertThat(ids(ranked)).isNotEqualTo(ids(featured.firstFeaturedSince(SINCE, FeaturedStore.Order.UPVOTES, 0, 100)));
    }

    @StoreTest
    void tiesGoToMoreUpvotesThenToTheSmallerId(Database db) {
        new PaperStore(db.jdbi()).upsert(List.of(
                paper("2608.00004").upvotes(0).featuredOn("2026-08-21", "2026-08-21T11:00:00Z"),
                paper("2608.00003").upvotes(0).featuredOn("2026-08-21", "2026-08-21T11:00:00Z"),
                // Featured after now (another node's clock): counts as just featured, as in Java.
                paper("2608.00002").upvotes(8).featuredOn("2026-08-21", "2026-08-21T17:00:00Z"),
                paper("2608.00001").upvotes(8).featuredOn("2026-08-21", "2026-08-21T12:00:00Z")), "test");

        List<FeaturedPaper> ranked = new FeaturedStore(db.jdbi()).firstFeaturedSince(SINCE, Trending.ranking(NOW), 0, 10);

        assertThat(ids(ranked)).containsExactly("2608.00001", "2608.00002", "2608.00003", "2608.00004");
        assertThat(ids(ranked)).containsExactlyElementsOf(ids(ranked.stream().sorted(Trending.order(NOW)).toList()));
    }

    @StoreTest
    void theWindowHoldsPapersFirstFeaturedInItAndCountsThemFromTheirFirstFeaturing(Database db) {
        var store = new PaperStore(db.jdbi());
        store.upsert(List.of(
                paper("2608.00001").upvotes(5).featuredOn("2026-08-15", "2026-08-15T09:00:00Z"),  // 6 days ago
                paper("2608.00002").upvotes(900).featuredOn("2026-08-10", "2026-08-10T09:00:00Z"), // 11 days ago
                paper("2608.00003").upvotes(7).featuredOn("2026-08-14", "2026-08-14T11:59:00Z"),  // just outside
                paper("2608.00004").upvotes(7).featuredOn("2026-08-14", "2026-08-14T12:00:00Z")), // at the edge
                "test");
        // Featured again, today: the old one stays out, the recent one keeps its first time.
        store.upsert(List.of(
                paper("2608.00002").upvotes(900).featuredOn("2026-08-21", "2026-08-21T09:00:00Z"),
                paper("2608.00001").upvotes(5).featuredOn("2026-08-21", "2026-08-21T09:00:00Z")), "test");
        var feed = new Feed(new FeaturedStore(db.jdbi()), Clock.fixed(NOW, ZoneOffset.UTC));

        TrendingList list = feed.trending(0, 10);

        // 2608.00001 counts from six days ago (5 / 149^1.5), so 2608.00004 (7 / 170^1.5) leads; from
        // its featuring today it would have led by far (5 / 5^1.5).
        assertThat(ids(list.papers())).containsExactly("2608.00004", "2608.00001");
        assertThat(list.total()).isEqualTo(2);
        assertThat(list.since()).isEqualTo(SINCE);
        assertThat(list.papers().getLast().featuredAt()).isEqualTo(Instant.parse("2026-08-15T09:00:00Z"));
        assertThat(list.papers().getLast().day()).isEqualTo(LocalDate.parse("2026-08-15"));
        assertThat(feed.all(Feed.Sort.TRENDING, 0, 10)).isEqualTo(list.papers());
    }

    @StoreTest
    void pagesWithOffsetAndLimit(Database db) {
        new PaperStore(db.jdbi()).upsert(recentPapers(25), "test");
        var feed = new Feed(new FeaturedStore(db.jdbi()), Clock.fixed(NOW, ZoneOffset.UTC));

        List<String> all = ids(feed.trending(0, 25).papers());
        List<String> pages = new ArrayList<>();
        for (int offset = 0; offset < 25; offset += 10) {
            pages.addAll(ids(feed.trending(offset, 10).papers()));
        }

        assertThat(pages).containsExactlyElementsOf(all).hasSize(25);
        assertThat(feed.trending(30, 10).papers()).isEmpty();
        assertThat(feed.trending(30, 10).total()).isEqualTo(25);
    }

    @StoreTest
    void aPeriodSortedByTrendingIsInTheOrderOfTheJavaFormula(Database db) {
        new PaperStore(db.jdbi()).upsert(recentPapers(40), "test");
        var feed = new Feed(new FeaturedStore(db.jdbi()), Clock.fixed(NOW, ZoneOffset.UTC));
        Period week = Period.Week.of(LocalDate.parse("2026-08-19"));

        List<FeaturedPaper> ranked = feed.list(week, Feed.Sort.TRENDING, 0, 100).papers();

        assertThat(ranked).isNotEmpty();
        assertThat(ids(ranked)).containsExactlyElementsOf(ids(ranked.stream().sorted(Trending.order(NOW)).toList()));
        assertThat(ranked).hasSize(feed.list(week, Feed.Sort.UPVOTES, 0, 100).total());
    }

    @StoreTest
    void nothingFeaturedRecentlyIsAnEmptyList(Database db) {
        new PaperStore(db.jdbi()).upsert(List.of(
                paper("2608.00001").upvotes(5).featuredOn("2026-07-01", "2026-07-01T09:00:00Z")), "test");
        var feed = new Feed(new FeaturedStore(db.jdbi()), Clock.fixed(NOW, ZoneOffset.UTC));

        assertThat(feed.trending(0, 10).papers()).isEmpty();
        assertThat(feed.trending(0, 10).total()).isZero();
    }

    /**
     * {@code n} papers featured within the window: upvotes from 0 to 400 and ages from minutes to
     * almost seven days, down to the second, so that upvotes alone would order them otherwise.
     */
    private static List<PaperUpdate> recentPapers(int n) {
        Random random = new Random(42);
        List<PaperUpdate> updates = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Instant at = NOW.minusSeconds(60 + random.nextInt((int) Trending.WINDOW.toSeconds() - 120));
            updates.add(paper(String.format("2608.%05d", i + 1)).upvotes(random.nextInt(401))
                    .featuredOn(LocalDate.ofInstant(at, ZoneOffset.UTC).toString(), at.toString()));
        }
        return updates;
    }

    private static List<String> ids(List<FeaturedPaper> papers) {
        return papers.stream().map(f -> f.paper().id().value()).toList();
    }
}
