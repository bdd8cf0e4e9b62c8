package paperboy.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.Term;
import paperboy.paper.Change;

/**
 * The threads that turn papers into documents and add them to the writer (analysis is most of the
 * work of indexing). Papers are split among the threads by id, each thread taking its share of
 * each batch in the order the batches came: a paper's documents are always written by the same
 * thread, in order, so a batch can start before the one before it has finished without an older
 * version of a paper overwriting a newer one.
 */
final class DocumentWriters implements AutoCloseable {
    private final IndexWriter writer;
    private final List<ExecutorService> threads = new ArrayList<>();

    DocumentWriters(IndexWriter writer, int threadCount) {
        this.writer = writer;
        for (int i = 0; i < threadCount; i++) {
            threads.add(Executors.newSingleThreadExecutor(
                    Thread.ofPlatform().name("index-analysis-" + (i + 1)).daemon(true).factory()));
        }
    }

    /** A batch being written: done when each thread has written its share. */
    record Batch(List<Change> changes, List<Future<Void>> shares) {
        boolean isDone() {
            return shares.stream().allMatch(Future::isDone);
        }

        /**
         * Waits until every share is written, even when interrupted (so that no thread still writes
         * after a failure or a close), and throws the first failure.
         */
        void await() throws IOException {
            Throwable failure = null;
            boolean interrupted = false;
            for (Future<Void> share : shares) {
                while (true) {
                    try {
                        share.get();
                        break;
                    } catch (InterruptedException e) {
                        interrupted = true;
                    } catch (ExecutionException e) {
                        failure = failure == null ? e.getCause() : failure;
                        break;
                    }
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            if (failure instanceof IOException io) {
                throw io;
            }
            if (failure != null) {
                throw new IllegalStateException("indexing " + changes.size() + " papers failed", failure);
            }
        }
    }

    /**
     * Starts writing {@code changes} with their stored vectors: by vector field (one per model),
     * then by paper id (none for a paper without).
     */
    Batch start(List<Change> changes, Map<String, Map<String, PaperVectors.Stored>> vectors) {
        List<List<Change>> shares = new ArrayList<>();
        for (int i = 0; i < threads.size(); i++) {
            shares.add(new ArrayList<>());
        }
        for (Change change : changes) {
            shares.get(Math.floorMod(change.paper().id().value().hashCode(), threads.size())).add(change);
        }
        List<Future<Void>> futures = new ArrayList<>();
        for (int i = 0; i < threads.size(); i++) {
            List<Change> share = shares.get(i);
            if (!share.isEmpty()) {
                futures.add(threads.get(i).submit(() -> write(share, vectors)));
            }
        }
        return new Batch(changes, futures);
    }

    private Void write(List<Change> share, Map<String, Map<String, PaperVectors.Stored>> vectors) throws IOException {
        for (Change change : share) {
            String id = change.paper().id().value();
            Map<String, float[]> byField = new HashMap<>();
            vectors.forEach((field, byId) -> {
                PaperVectors.Stored vector = byId.get(id);
                if (vector != null) {
                    byField.put(field, vector.vector());
                }
            });
            writer.updateDocument(new Term(PaperDocuments.ID, id), PaperDocuments.document(change, byField));
        }
        return null;
    }

    @Override
    public void close() {
        threads.forEach(ExecutorService::shutdown);
    }
}
