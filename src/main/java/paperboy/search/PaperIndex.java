package paperboy.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import paperboy.paper.Change;
import paperboy.paper.PaperStore;

/**
 * The Lucene index of every paper in the store. It is derived state: each commit records the
 * store position (change number and paper id) it has caught up to, so after a crash
 * {@link #catchUp} resumes from the last commit, and {@link #rebuild} can always start over.
 * One {@link IndexWriter}; readers share a {@link SearcherManager} refreshed after each write.
 */
public final class PaperIndex implements AutoCloseable {
    private static final String CHANGE_NO = "paperboy.change_no";
    private static final String PAPER_ID = "paperboy.paper_id";
    private static final int PAGE = 2000;
    /**
     * Papers between commits in a long catch-up (a bulk import): each commit flushes a segment and
     * syncs files, so committing every page made many small segments to merge again. A crash loses
     * at most this many papers of index work, which the next catch-up redoes from the store.
     */
    private static final int COMMIT_EVERY = 50_000;
    /** Threads that analyse one page of papers at once; the writer takes documents from several threads. */
    private static final int ANALYSIS_THREADS = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));

    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final Analyzer analyzer = PaperDocuments.analyzer();
    private final PaperSearch search;
    private final ExecutorService analysis = Executors.newFixedThreadPool(ANALYSIS_THREADS,
            Thread.ofPlatform().name("index-analysis-", 1).daemon(true).factory());

    public PaperIndex(Path folder) {
        try {
            this.directory = FSDirectory.open(folder);
            IndexWriterConfig config = new IndexWriterConfig(analyzer)
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                    .setRAMBufferSizeMB(64);
            this.writer = new IndexWriter(directory, config);
            this.searchers = new SearcherManager(writer, null);
            this.search = new PaperSearch(searchers, analyzer);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the search index at " + folder, e);
        }
    }

    /** Indexes every store change after the last committed position; returns how many papers it indexed. */
    public synchronized long catchUp(PaperStore store) {
        Change.Position position = committedPosition();
        long indexed = 0;
        long uncommitted = 0;
        try {
            for (List<Change> page = store.changesSince(position, PAGE); !page.isEmpty();
                    page = store.changesSince(position, PAGE)) {
                index(page);
                position = page.getLast().position();
                indexed += page.size();
                uncommitted += page.size();
                if (uncommitted >= COMMIT_EVERY) {
                    commit(position);
                    uncommitted = 0;
                }
            }
            if (uncommitted > 0) {
                commit(position);
            }
            searchers.maybeRefresh();
        } catch (IOException e) {
            throw new UncheckedIOException("indexing failed after " + indexed + " papers", e);
        }
        return indexed;
    }

    /**
     * Indexes a page, its slices on the analysis threads at once (analysis is most of the work of
     * indexing), and returns when all are in. Waits for every slice even when interrupted, so no
     * thread is still writing after a failure or a close.
     */
    private void index(List<Change> page) throws IOException {
        int sliceSize = Math.ceilDiv(page.size(), ANALYSIS_THREADS);
        List<Future<Void>> slices = new ArrayList<>();
        for (int from = 0; from < page.size(); from += sliceSize) {
            List<Change> slice = page.subList(from, Math.min(page.size(), from + sliceSize));
            slices.add(analysis.submit(() -> {
                for (Change change : slice) {
                    writer.updateDocument(new Term(PaperDocuments.ID, change.paper().id().value()),
                            PaperDocuments.document(change));
                }
                return null;
            }));
        }
        Throwable failure = null;
        boolean interrupted = false;
        for (Future<Void> slice : slices) {
            while (true) {
                try {
                    slice.get();
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
            throw new IllegalStateException("indexing a page failed", failure);
        }
    }

    /** Drops the index and builds it again from the whole store. */
    public synchronized long rebuild(PaperStore store) {
        try {
            writer.deleteAll();
            commit(Change.Position.START);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear the search index", e);
        }
        return catchUp(store);
    }

    public SearchResults search(SearchRequest request) {
        return search.search(request);
    }

    /** How many papers the index holds (as of the last refresh). */
    public int size() {
        return search.size();
    }

    /** The store position the index has caught up to. */
    public Change.Position committedPosition() {
        Map<String, String> data = new HashMap<>();
        Iterable<Map.Entry<String, String>> live = writer.getLiveCommitData();
        if (live != null) {
            live.forEach(e -> data.put(e.getKey(), e.getValue()));
        }
        if (!data.containsKey(CHANGE_NO)) {
            return Change.Position.START;
        }
        return new Change.Position(Long.parseLong(data.get(CHANGE_NO)), data.getOrDefault(PAPER_ID, ""));
    }

    private void commit(Change.Position position) throws IOException {
        writer.setLiveCommitData(Map.of(CHANGE_NO, Long.toString(position.changeNo()), PAPER_ID, position.paperId())
                .entrySet());
        writer.commit();
    }

    @Override
    public synchronized void close() throws IOException {
        analysis.shutdown();
        searchers.close();
        writer.close();
        directory.close();
    }
}
