package paperboy.paper;

import static org.assertj.core.api.Assertions.assertThat;
import static paperboy.paper.PaperBuilder.paper;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import paperboy.db.Database;
import paperboy.db.StoreTest;

/** The daily lists read from the featured days, on SQLite and PostgreSQL. */
class FeaturedStoreTest {
    private static final LocalDate MON = LocalDate.parse("2026-08-17");
    private static final LocalDate SUN = LocalDate.parse("2026-08-23");

    @StoreTest
    void ordersByUpvotesThenByEarliestFeatured(Database db) {
        var featured = featuredWeek(db);

        assertThat(featured.between(MON, SUN, FeaturedStore.Order.UPVOTES, 0, 10))
                .extracting(f -> f.paper().id().value())
                .containsExactly("2608.00003", "2608.00001", "2608.00004", "2608.00002");
    }

    @StoreTest
    void ordersByFeaturedTimeNewestFirst(Database db) {
        var featured = featuredWeek(db);

        assertThat(featured.between(MON, SUN, FeaturedStore.Order.FEATURED_AT, 0, 10))
                .extracting(f -> f.paper().id().value())
                .containsExactly("2608.00004", "2608.00002", "2608.00001", "2608.00003");
    }

    @StoreTest
    void aPaperFeaturedOnTwoDaysOfAWindowCountsOnceOnItsFirstDay(Database db) {
        var featured = featuredWeek(db);

        List<FeaturedPaper> week = featured.between(MON, SUN, FeaturedStore.Order.UPVOTES, 0, 10);

        assertThat(week).hasSize(4);
        FeaturedPaper twice = week.stream().filter(f -> f.paper().id().value().equals("2608.00003")).findFirst()
                .orElseThrow();
        assertThat(twice.day()).isEqualTo(LocalDate.parse("2026-08-17"));
        assertThat(twice.featuredAt()).isEqualTo(Instant.parse("2026-08-17T08:00:00Z"));
        assertThat(featured.countBetween(MON, SUN)).isEqualTo(4);
        // On its second day alone it is listed again.
        assertThat(featured.between(LocalDate.parse("2026-08-19"), LocalDate.parse("2026-08-19"),
                FeaturedStore.Order.UPVOTES, 0, 10))
                .extracting(f -> f.paper().id().value()).containsExactly("2608.00003", "2608.00002");
        assertThat(featured.countBetween(LocalDate.parse("2026-08-19"), LocalDate.parse("2026-08-19"))).isEqualTo(2);
    }

    @StoreTest
    void pagesWithOffsetAndLimit(Database db) {
        var featured = featuredWeek(db);

        assertThat(featured.between(MON, SUN, FeaturedStore.Order.UPVOTES, 1, 2))
                .extracting(f -> f.paper().id().value()).containsExactly("2608.00001", "2608.00004");
        assertThat(featured.between(MON, SUN, FeaturedStore.Order.UPVOTES, 4, 2)).isEmpty();
    }

    @StoreTest
    void findsTheLatestDayAndTheNeighboursOfADay(Database db) {
        var featured = featuredWeek(db);

        assertThat(featured.latestDay()).contains(LocalDate.parse("2026-08-21"));
        assertThat(featured.dayBefore(LocalDate.parse("2026-08-19"))).contains(LocalDate.parse("2026-08-17"));
        assertThat(featured.dayBefore(LocalDate.parse("2026-08-18"))).contains(LocalDate.parse("2026-08-17"));
        assertThat(featured.dayAfter(LocalDate.parse("2026-08-19"))).contains(LocalDate.parse("2026-08-21"));
        assertThat(featured.dayAfter(LocalDate.parse("2026-08-17"))).contains(LocalDate.parse("2026-08-19"));
        assertThat(featured.dayBefore(LocalDate.parse("2026-08-17"))).contains(LocalDate.parse("2026-08-14"));
        assertThat(featured.dayBefore(LocalDate.parse("2026-08-14"))).isEmpty();
        assertThat(featured.dayAfter(LocalDate.parse("2026-08-21"))).isEmpty();
        assertThat(featured.countDays()).isEqualTo(4);
    }

    @StoreTest
    void anEmptyStoreHasNoDays(Database db) {
        var featured = new FeaturedStore(db.jdbi());

        assertThat(featured.latestDay()).isEmpty();
        assertThat(featured.dayBefore(MON)).isEmpty();
        assertThat(featured.countBetween(MON, SUN)).isZero();
        assertThat(featured.between(MON, SUN, FeaturedStore.Order.UPVOTES, 0, 10)).isEmpty();
    }

    /**
     * One ISO week (2026-W34) with three featured days:
     * <pre>
     * 2608.00001  20 upvotes  Mon 17th 09:00
     * 2608.00003  50 upvotes  Mon 17th 08:00 and Wed 19th 08:00
     * 2608.00002   5 upvotes  Wed 19th 10:00
     * 2608.00004  20 upvotes  Fri 21st 07:00
     * </pre>
     * and one paper outside it (the week before), which no window of this week may show.
     */
    private static FeaturedStore featuredWeek(Database db) {
        var store = new PaperStore(db.jdbi());
        store.upsert(List.of(
                paper("2608.00001").upvotes(20).featuredOn("2026-08-17", "2026-08-17T09:00:00Z"),
                paper("2608.00003").upvotes(50).featuredOn("2026-08-17", "2026-08-17T08:00:00Z"),
                paper("2608.00009").upvotes(99).featuredOn("2026-08-14", "2026-08-14T08:00:00Z")), "test");
        store.upsert(List.of(
                paper("2608.00003").upvotes(50).featuredOn("2026-08-19", "2026-08-19T08:00:00Z"),
                paper("2608.00002").upvotes(5).featuredOn("2026-08-19", "2026-08-19T10:00:00Z")), "test");
        store.upsert(List.of(
                paper("2608.00004").upvotes(20).featuredOn("2026-08-21", "2026-08-21T07:00:00Z")), "test");
        return new FeaturedStore(db.jdbi());
    }
}
