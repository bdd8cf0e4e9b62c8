package paperboy.search;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Every thread and queue place of a {@link SearchPool} taken by a search that waits until this is
 * closed: while it is open, the next search is refused.
 */
public final class FullPool implements AutoCloseable {
    private final CountDownLatch release = new CountDownLatch(1);
    private final List<Thread> waiting = new ArrayList<>();
    private final AtomicReference<RuntimeException> refused = new AtomicReference<>();

    private FullPool(SearchPool pool) throws InterruptedException {
        // One at a time, each seen in the pool's load before the next, so that a refusal here
        // means the pool refused a search with places free.
        for (int taken = 1; taken <= pool.capacity(); taken++) {
            waiting.add(Thread.startVirtualThread(() -> {
                try {
                    pool.run(() -> {
                        release.await();
                        return null;
                    });
                } catch (RuntimeException e) {
                    refused.set(e);
                }
            }));
            while (pool.load() < taken) {
                if (refused.get() != null) {
                    throw new IllegalStateException("the pool refused a search before it was full", refused.get());
                }
                Thread.sleep(5); // waits for the state; nothing here depends on how long it takes
            }
        }
    }

    public static FullPool of(SearchPool pool) throws InterruptedException {
        return new FullPool(pool);
    }

    /** Lets the waiting searches end, and waits until they have. */
    @Override
    public void close() throws InterruptedException {
        release.countDown();
        for (Thread t : waiting) {
            t.join();
        }
    }
}
