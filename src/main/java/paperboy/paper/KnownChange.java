package paperboy.paper;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The store's last change number as this process knows it, kept in memory so that a cached page's
 * freshness check costs no query (reading the counter through the pool was about a quarter of the
 * CPU of a cached {@code /}). This process's own writes advance it as they commit; writes by
 * others (an import in another process, another node on the same PostgreSQL) are seen by reading
 * the counter again once {@link #pollEvery} has passed since the last read, by whichever caller
 * comes first. So a page cached here is at most that long behind another writer.
 */
final class KnownChange {
    private final LongSupplier stored;
    private final Clock clock;
    private final long pollEveryMillis;
    private final AtomicLong value = new AtomicLong(-1);
    /** When the stored counter is to be read again (epoch ms); a caller that moves it on does the read. */
    private final AtomicLong nextRead = new AtomicLong(Long.MIN_VALUE);

    /** @param stored reads the counter from the store */
    KnownChange(LongSupplier stored, Duration pollEvery, Clock clock) {
        this.stored = stored;
        this.clock = clock;
        this.pollEveryMillis = pollEvery.toMillis();
    }

    /** The last change number known here: never behind this process's committed writes, at most a poll behind others'. */
    long get() {
        long now = clock.millis();
        long due = nextRead.get();
        if (now >= due && nextRead.compareAndSet(due, now + pollEveryMillis)) {
            advanceTo(stored.getAsLong());
        }
        long known = value.get();
        return known >= 0 ? known : readNow();
    }

    /** Notes a write that committed with {@code changeNo}. */
    void advanceTo(long changeNo) {
        value.accumulateAndGet(changeNo, Math::max);
    }

    /** Another caller is reading the first value: read it too rather than answer without one. */
    private long readNow() {
        advanceTo(stored.getAsLong());
        return value.get();
    }
}
