package paperboy.search;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;
import paperboy.paper.Change;
import paperboy.paper.PaperStore;

/**
 * Hands the batches a bulk import stores to the index on a thread of its own, so that storing and
 * indexing overlap and the index never reads the papers back from the store. The queue between
 * them is short: memory stays bounded, and a store that runs ahead waits for the index. A failure
 * stops the indexing, not the import (the papers are in the store, and a later
 * {@link PaperIndex#catchUp} takes them from there); {@link #close} throws it. That includes an
 * {@link Error} (out of memory, a stack overflow): were it to end the thread unseen, the import
 * would wait forever on the full queue.
 */
public final class IndexFeed implements Consumer<List<Change>>, AutoCloseable {
    /** Stored batches waiting for the index: two keep it busy, more would only hold memory. */
    static final int QUEUE = 4;
    /** Put after the last batch; a list of its own, so that no batch can be taken for it. */
    private static final List<Change> END = Collections.unmodifiableList(new ArrayList<>());

    private final PaperIndex index;
    private final PaperStore store;
    private final BlockingQueue<List<Change>> queue = new ArrayBlockingQueue<>(QUEUE);
    private final Thread thread;
    private volatile Throwable failure;

    public IndexFeed(PaperIndex index, PaperStore store) {
        this.index = index;
        this.store = store;
        this.thread = Thread.ofPlatform().name("index-feed").daemon(true).start(this::run);
    }

    /** Queues a committed batch for the index; waits while the queue is full. */
    @Override
    public void accept(List<Change> changes) {
        if (failure != null) {
            return; // the store has them; the next catch-up indexes them
        }
        try {
            queue.put(changes);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while handing papers to the index", e);
        }
    }

    private void run() {
        try {
            for (List<Change> batch = queue.take(); batch != END; batch = queue.take()) {
                if (failure == null) {
                    follow(batch);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void follow(List<Change> batch) {
        try {
            index.follow(store, batch);
        } catch (RuntimeException | Error e) {
            failure = e;
        }
    }

    /**
     * Indexes every batch queued so far, then stops; throws the failure that stopped the indexing,
     * if one did (an {@link Error} wrapped, so that the import reports it like any other).
     */
    @Override
    public void close() throws InterruptedException {
        queue.put(END);
        thread.join();
        switch (failure) {
            case null -> { }
            case RuntimeException e -> throw e;
            default -> throw new IllegalStateException("the index failed: " + failure, failure);
        }
    }
}
