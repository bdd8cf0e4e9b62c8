package paperboy.feed;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import paperboy.paper.FeaturedPaper;
import paperboy.paper.FeaturedStore;

/** The daily lists: a period's featured papers in the order asked for, and how to move between periods. */
public final class Feed {
    /** Bounds for "any day": days are compared as ISO text in the store, so they must be four-digit years. */
    private static final LocalDate FIRST_DAY = LocalDate.of(1, 1, 1);
    private static final LocalDate LAST_DAY = LocalDate.of(9999, 12, 31);

    private final FeaturedStore store;
    private final Clock clock;

    public Feed(FeaturedStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** How a list is ordered. */
    public enum Sort { UPVOTES, FEATURED_AT, TRENDING }

    public Optional<LocalDate> latestDay() {
        return store.latestDay();
    }

    /** The first day within {@code period} that has featured papers. */
    public Optional<LocalDate> firstDay(Period period) {
        return store.dayAfter(period.first().minusDays(1)).filter(period::contains);
    }

    public DailyList list(Period period, Sort sort, int offset, int limit) {
        List<FeaturedPaper> papers = page(period.first(), period.last(), sort, offset, limit);
        int total = store.countBetween(period.first(), period.last());
        return new DailyList(period, papers, total, previous(period), next(period));
    }

    /**
     * All featured papers, any day, for the API when no period is given; trending is the trending
     * list ({@link #trending}), which holds only the papers featured in its window.
     */
    public List<FeaturedPaper> all(Sort sort, int offset, int limit) {
        return sort == Sort.TRENDING ? trending(offset, limit).papers() : page(FIRST_DAY, LAST_DAY, sort, offset, limit);
    }

    /**
     * The papers first featured within {@link Trending#WINDOW} of now (a paper featured on several
     * days counts from its first featuring, so one featured again is not new again), ranked by
     * {@link Trending} in the store.
     */
    public TrendingList trending(int offset, int limit) {
        Instant now = clock.instant();
        Instant since = now.minus(Trending.WINDOW);
        return new TrendingList(store.firstFeaturedSince(since, Trending.ranking(now), offset, limit),
                store.countFirstFeaturedSince(since), since);
    }

    private List<FeaturedPaper> page(LocalDate from, LocalDate to, Sort sort, int offset, int limit) {
        return switch (sort) {
            case UPVOTES -> store.between(from, to, FeaturedStore.Order.UPVOTES, offset, limit);
            case FEATURED_AT -> store.between(from, to, FeaturedStore.Order.FEATURED_AT, offset, limit);
            case TRENDING -> store.between(from, to, Trending.ranking(clock.instant()), offset, limit);
        };
    }

    private Period previous(Period period) {
        return store.dayBefore(period.first()).map(period::containing).orElse(null);
    }

    private Period next(Period period) {
        return store.dayAfter(period.last()).map(period::containing).orElse(null);
    }
}
