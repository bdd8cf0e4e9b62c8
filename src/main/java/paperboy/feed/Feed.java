package paperboy.feed;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import paperboy.paper.FeaturedPaper;
import paperboy.paper.FeaturedStore;

/** The daily lists: a period's featured papers in the order asked for, and how to move between periods. */
public final class Feed {
    /** More than any real month holds; trending is ranked in memory over the whole window. */
    private static final int WINDOW_CAP = 10_000;

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

    /** All featured papers, any day, for the API when no period is given. */
    public List<FeaturedPaper> all(Sort sort, int offset, int limit) {
        return page(FIRST_DAY, LAST_DAY, sort, offset, limit);
    }

    private List<FeaturedPaper> page(LocalDate from, LocalDate to, Sort sort, int offset, int limit) {
        return switch (sort) {
            case UPVOTES -> store.between(from, to, FeaturedStore.Order.UPVOTES, offset, limit);
            case FEATURED_AT -> store.between(from, to, FeaturedStore.Order.FEATURED_AT, offset, limit);
            case TRENDING -> store.between(from, to, FeaturedStore.Order.UPVOTES, 0, WINDOW_CAP).stream()
                    .sorted(Trending.order(clock.instant()))
                    .skip(offset)
                    .limit(limit)
                    .toList();
        };
    }

    private Period previous(Period period) {
        return store.dayBefore(period.first()).map(period::containing).orElse(null);
    }

    private Period next(Period period) {
        return store.dayAfter(period.last()).map(period::containing).orElse(null);
    }
}
