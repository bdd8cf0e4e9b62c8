package paperboy.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import paperboy.search.SearchResults;
import paperboy.search.SearchWatch;

/**
 * {@code paperboy.search}: every search, timed from its request to its answer (the wait for a
 * search thread included), by kind ({@code query}, {@code like}), the mode it ran in ({@code keyword},
 * {@code semantic}, {@code hybrid}: what ran, which differs from what was asked before papers are
 * embedded) and outcome ({@code whole}, or {@code out_of_time} when its time budget ran out);
 * {@code paperboy.search.refused}: searches refused because every search thread was busy (a 503).
 */
final class SearchMetrics implements SearchWatch {
    static final String NAME = "paperboy.search";

    private final MeterRegistry registry;
    private final Counter refused;

    SearchMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.refused = Counter.builder(NAME + ".refused")
                .description("searches refused because every search thread was busy")
                .register(registry);
    }

    @Override
    public void answered(Kind kind, SearchResults results, long nanos) {
        Timer.builder(NAME)
                .description("searches, by kind, the mode they ran in and whether they ran out of time")
                .tag("kind", kind.name().toLowerCase(Locale.ROOT))
                .tag("mode", results.mode().name().toLowerCase(Locale.ROOT))
                .tag("outcome", results.incomplete() ? "out_of_time" : "whole")
                .serviceLevelObjectives(Metrics.LATENCY_BUCKETS)
                .register(registry)
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void refused() {
        refused.increment();
    }
}
