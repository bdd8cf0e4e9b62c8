package paperboy.search;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The threads searches run on, and how long each may take. Requests are served on virtual
 * threads, and a virtual thread that computes never lets go of its carrier: two long searches
 * used to hold both carriers of a two-core server, and every other request, {@code /healthz}
 * included, waited behind them. Here searches run on a fixed number of platform threads, which the
 * operating system shares with the request threads, behind a short queue; a search that finds the
 * queue full is refused at once ({@link Busy}) instead of waiting without end. Each search stops
 * collecting once its {@link #budget} is spent ({@link SearchBudget}).
 */
public final class SearchPool implements AutoCloseable {
    /**
     * Searches waiting for a thread, per thread: enough that 16 requests at once (a browser each, or
     * `wrk -c16`) all wait for a keyword search of a few milliseconds rather than some being refused.
     */
    private static final int QUEUED_PER_THREAD = 8;

    private final ThreadPoolExecutor executor;
    private final Duration budget;
    private final int capacity;
    /**
     * One permit per search that may run or wait. The executor's own rejection is not used: it
     * depends on whether idle threads have taken from the queue yet, so it could refuse a search
     * while places were free.
     */
    private final Semaphore places;

    /** @param threads searches that run at once; {@code 8 * threads} more may wait */
    public SearchPool(int threads, Duration budget) {
        if (threads < 1) {
            throw new IllegalArgumentException("a search pool needs a thread");
        }
        if (budget.isNegative()) {
            throw new IllegalArgumentException("a search budget cannot be negative");
        }
        this.budget = budget;
        this.capacity = threads + QUEUED_PER_THREAD * threads;
        this.places = new Semaphore(capacity);
        this.executor = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), // bounded by the places
                Thread.ofPlatform().name("search-", 1).daemon(true).factory());
        // Idle threads end, so a pool that is never closed (a tool's, a test's) holds nothing.
        executor.allowCoreThreadTimeOut(true);
    }

    /** One thread per core, with {@code budget} per search. */
    public static SearchPool forThisMachine(Duration budget) {
        return new SearchPool(Runtime.getRuntime().availableProcessors(), budget);
    }

    /** How long one search may take before it returns what it has found so far. */
    public Duration budget() {
        return budget;
    }

    /** Searches that can run or wait at once; one more is refused. */
    public int capacity() {
        return capacity;
    }

    /** Searches running or waiting now. */
    public int load() {
        return capacity - places.availablePermits();
    }

    /** Runs {@code search} on a search thread and waits for it; {@link Busy} when the queue is full. */
    public <T> T run(Callable<T> search) {
        if (!places.tryAcquire()) {
            throw new Busy(retryAfter());
        }
        try {
            return runHolding(search);
        } finally {
            places.release();
        }
    }

    private <T> T runHolding(Callable<T> search) {
        Future<T> result;
        try {
            result = executor.submit(search);
        } catch (RejectedExecutionException e) { // closed
            throw new Busy(retryAfter());
        }
        try {
            return result.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("search failed", cause);
        } catch (InterruptedException e) {
            result.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a search", e);
        }
    }

    /** About when a refused search could be served: one budget, in whole seconds. */
    private Duration retryAfter() {
        return Duration.ofSeconds(Math.max(1, (budget.toMillis() + 999) / 1000));
    }

    /**
     * Takes no more searches and waits (about a budget) for those running to end. They are not
     * interrupted: an interrupt can close the file channels under the index.
     */
    @Override
    public void close() {
        executor.shutdown();
        try {
            executor.awaitTermination(budget.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A search refused because as many are running and waiting as the pool takes. */
    public static final class Busy extends RuntimeException {
        private final Duration retryAfter;

        Busy(Duration retryAfter) {
            super("Too many searches are running right now; try again in a few seconds.");
            this.retryAfter = retryAfter;
        }

        /** When to try again, for a {@code Retry-After} header. */
        public Duration retryAfter() {
            return retryAfter;
        }
    }
}
