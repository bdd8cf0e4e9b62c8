package paperboy.search;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Every thread and queue place of a {@link SearchPool} taken by a search that waits until this is
 * closed: while it is open, the next search is refused.
 */
public final class FullPool implements AutoCloseable {
    private final CountDownLatch release = new CountDownLatch(1);
    private final List<Thread> waiting = new ArrayList<>();

    private FullPool(SearchPool pool) throws InterruptedException {
        for (int i = 0; i < pool.capacity(); i++) {
            waiting.add(Thread.startVirtualThread(() -> pool.run(() -> {
                release.await();
                return null;
            })));
        }
        while (pool.load() < pool.capacity()) {
            Thread.sleep(5); // waits for the state; nothing here depends on how long it takes
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
