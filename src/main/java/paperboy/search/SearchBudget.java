package paperboy.search;

import java.time.Duration;
import java.util.function.Supplier;
import org.apache.lucene.index.QueryTimeout;
import org.apache.lucene.search.IndexSearcher;

/**
 * The time one search may take, counted from when it starts. Lucene checks it while it collects
 * matches (keyword) and while it walks the vector graph (kNN), and returns what it has found when
 * the budget is spent; highlighting is skipped once it is. The results then say so
 * ({@link #notice}). Embedding the query is not counted ({@link #offTheClock}).
 */
final class SearchBudget implements QueryTimeout {
    /** When the clock started, moved on by the time spent {@linkplain #offTheClock off the clock}. */
    private long started = System.nanoTime();
    private final long budgetNanos;

    SearchBudget(Duration budget) {
        this.budgetNanos = budget.toNanos();
    }

    /**
     * A searcher over {@code shared}'s snapshot that keeps to this budget. Each search gets its own,
     * since the timeout is a setting of the searcher and the shared one serves every thread.
     */
    IndexSearcher searcher(IndexSearcher shared) {
        IndexSearcher timed = new IndexSearcher(shared.getIndexReader());
        timed.setSimilarity(shared.getSimilarity());
        timed.setQueryCache(shared.getQueryCache());
        timed.setQueryCachingPolicy(shared.getQueryCachingPolicy());
        timed.setTimeout(this);
        return timed;
    }

    /** Does {@code work} without counting its time (one budget serves one search, on one thread). */
    <T> T offTheClock(Supplier<T> work) {
        long before = System.nanoTime();
        try {
            return work.get();
        } finally {
            started += System.nanoTime() - before;
        }
    }

    @Override
    public boolean shouldExit() {
        return spent();
    }

    boolean spent() {
        return System.nanoTime() - started >= budgetNanos;
    }

    /** What to tell the user when a search ran out of time: it may have missed matches. */
    String notice() {
        return "Search stopped after " + Duration.ofNanos(budgetNanos).toMillis() + " ms; results may be incomplete.";
    }
}
