package paperboy.ingest;

import java.util.List;
import java.util.Optional;
import paperboy.paper.PaperUpdate;
import paperboy.paper.UpsertResult;

/**
 * The real {@link ImportLog} that stops the import after storing {@code batches} batches, the way a
 * crash or a Ctrl-C would between two transactions: the next batch fails before it reaches the store.
 */
final class StoppingStore implements BatchStore {
    private final BatchStore store;
    private final int batches;
    private int stored;

    StoppingStore(BatchStore store, int batches) {
        this.store = store;
        this.batches = batches;
    }

    @Override
    public UpsertResult store(List<PaperUpdate> batch, ImportCheckpoint after) {
        if (stored == batches) {
            throw new Stopped(stored);
        }
        stored++;
        return store.store(batch, after);
    }

    @Override
    public Optional<ImportCheckpoint> checkpoint(String path) {
        return store.checkpoint(path);
    }

    /** What the stopped import throws. */
    static final class Stopped extends RuntimeException {
        Stopped(int stored) {
            super("stopped after " + stored + " batches");
        }
    }
}
