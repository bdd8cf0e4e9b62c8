package paperboy.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import paperboy.config.SearchSettings;
import paperboy.paper.ArxivId;
import paperboy.paper.Change;
import paperboy.paper.Paper;
import paperboy.paper.PaperStore;

/**
 * The Lucene index of every paper in the store, with its semantic vector once it has one. It is
 * derived state: each commit records the store position (change number and paper id) it has
 * caught up to, so after a crash {@link #catchUp} resumes from the last commit, and
 * {@link #rebuild} can always start over. Vectors come from the store ({@link PaperVectors}); the
 * {@link EmbeddingWorker} adds those made after a paper was indexed through {@link #addVectors},
 * and its own position in the change order is committed here too. One {@link IndexWriter}; every
 * write reads the papers' current state inside this object's lock, so writes never undo each other,
 * except {@link #follow}, which takes the state a writer just committed and only when nothing
 * newer can be in the index.
 *
 * <p>Each model's vectors have their own field. When the configured model changes, the model
 * whose vectors the index holds keeps answering searches (its vectors stay in every document
 * written meanwhile) while the embedder adds the new model's; once it has gone through the whole
 * store, {@link #answerWithConfiguredModel} switches searches over, with no rebuild.
 */
public final class PaperIndex implements AutoCloseable {
    private static final String CHANGE_NO = "paperboy.change_no";
    private static final String PAPER_ID = "paperboy.paper_id";
    private static final String VECTOR_CHANGE_NO = "paperboy.vector_change_no";
    private static final String VECTOR_PAPER_ID = "paperboy.vector_paper_id";
    /** The model whose vectors answer searches (the one the embedder's position is for, in indexes of format 4). */
    private static final String VECTOR_MODEL = "paperboy.vector_model";
    /** The model the embedder's position ({@link #VECTOR_CHANGE_NO}, {@link #VECTOR_PAPER_ID}) is for. */
    private static final String EMBEDDING_MODEL = "paperboy.embedding_model";
    private static final String FORMAT = "paperboy.format";
    private static final int PAGE = 2000;
    /**
     * Papers between commits in a long catch-up or while following an import: each commit flushes
     * a segment and syncs files, so committing every page made many small segments to merge again. A crash loses
     * at most this many papers of index work, which the next catch-up redoes from the store.
     */
    private static final int COMMIT_EVERY = 50_000;
    /** Handed-over batches being written at once: enough that no thread waits for another between batches. */
    private static final int MAX_IN_FLIGHT = 2;
    /** Threads that analyse papers at once; the writer takes documents from several threads. */
    private static final int ANALYSIS_THREADS = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));

    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final Analyzer analyzer = PaperDocuments.analyzer();
    private final Semantic semantic;
    /** The model that answers searches: the configured one, or the one before it until the new one's vectors are complete. */
    private volatile Semantic answering;
    /** Searches with the answering model; replaced, never changed, when the model switches. */
    private volatile PaperSearch search;
    private final SearchPool pool;
    private final SearchWatch watch;
    private final DocumentWriters documents;
    /** Batches handed over by {@link #follow} that are still being written, oldest first. */
    private final Deque<DocumentWriters.Batch> inFlight = new ArrayDeque<>();
    /** The store position of the last paper in the writer, committed or not. */
    private Change.Position position;
    /** Papers in the writer since the last commit. */
    private long uncommitted;
    /** The change number up to which the index holds every change (-1 until a catch-up has found out). */
    private long wholeThrough = -1;
    /** Papers written into the index since it was opened: by catch-ups, handed over, or with new vectors. */
    private final AtomicLong written = new AtomicLong();
    /** Whether {@link #mergeSegments} is running. */
    private final AtomicBoolean merging = new AtomicBoolean();

    /** An index without vectors: keyword search only. */
    public PaperIndex(Path folder) {
        this(folder, Semantic.off());
    }

    /** @param semantic the model and stored vectors, or {@link Semantic#off()} */
    public PaperIndex(Path folder, Semantic semantic) {
        this(folder, semantic, SearchPool.forThisMachine(SearchSettings.DEFAULT_TIMEOUT));
    }

    /**
     * @param semantic the model and stored vectors, or {@link Semantic#off()}
     * @param pool     the threads searches run on, and their time budget (closed by whoever made it)
     */
    public PaperIndex(Path folder, Semantic semantic, SearchPool pool) {
        this(folder, semantic, pool, SearchWatch.NONE);
    }

    /** @param watch told of every search and of every search refused (for {@code /metrics}) */
    public PaperIndex(Path folder, Semantic semantic, SearchPool pool, SearchWatch watch) {
        this.semantic = semantic;
        this.pool = pool;
        this.watch = watch;
        try {
            this.directory = FSDirectory.open(folder);
            IndexWriterConfig config = new IndexWriterConfig(analyzer)
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                    .setRAMBufferSizeMB(64);
            config.setCodec(new IndexCodec(semantic.isOn() ? semantic.format() : Semantic.VectorFormat.FLOAT32));
            this.writer = openWriter(directory, config, folder);
            this.documents = new DocumentWriters(writer, ANALYSIS_THREADS);
            this.position = committedPosition();
            this.searchers = new SearcherManager(writer, null);
            this.answering = semantic.answeringWith(vectorModel());
            this.search = new PaperSearch(searchers, analyzer, answering, pool.budget());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the search index at " + folder, e);
        }
    }

    /** Lucene lets one writer hold an index folder; another process holding it is told as {@link IndexInUse}. */
    private static IndexWriter openWriter(Directory directory, IndexWriterConfig config, Path folder) throws IOException {
        try {
            return new IndexWriter(directory, config);
        } catch (LockObtainFailedException e) {
            directory.close();
            throw new IndexInUse(folder, e);
        }
    }

    /** Indexes every store change after the last position indexed; returns how many papers it indexed. */
    public synchronized long catchUp(PaperStore store) {
        try {
            settle(0);
        } catch (IOException e) {
            throw new UncheckedIOException("indexing papers handed over failed", e);
        }
        if (!PaperDocuments.FORMAT.equals(commitData().get(FORMAT))) {
            startOver(); // written by another version
        }
        boolean withVectors = withVectors();
        long indexed = 0;
        try {
            for (List<Change> page = store.changesSince(position, PAGE); !page.isEmpty();
                    page = store.changesSince(position, PAGE)) {
                write(page, withVectors);
                advance(page);
                indexed += page.size();
            }
            // Writers take change numbers one after another and commit in that order, so the
            // store had nothing else up to here (see PaperStore.nextChangeNo).
            wholeThrough = position.changeNo();
            if (uncommitted > 0) {
                commit(Map.of());
            }
            searchers.maybeRefresh();
        } catch (IOException e) {
            throw new UncheckedIOException("indexing failed after " + indexed + " papers", e);
        }
        return indexed;
    }

    /**
     * Indexes the papers a writer just committed ({@link PaperStore.Written#changes}), handed
     * over instead of read back from the store: taken as they are when their change number is the
     * one after the last the index holds whole, passed over when the index holds that number
     * already, and otherwise taken by catching up from the store (which has them). All papers of a
     * write share its change number. Commits every {@link #COMMIT_EVERY} papers; {@link #catchUp}
     * commits the rest.
     */
    public synchronized void follow(PaperStore store, List<Change> changes) {
        if (changes.isEmpty()) {
            return;
        }
        long changeNo = changes.getFirst().position().changeNo();
        if (wholeThrough >= 0 && changeNo <= wholeThrough) {
            return; // a catch-up took these, or a later version of them, from the store already
        }
        if (changeNo != wholeThrough + 1) {
            catchUp(store); // the index does not know it has all that came before
            return;
        }
        try {
            inFlight.add(documents.start(changes, vectors(changes, withVectors())));
            wholeThrough = changeNo;
            settle(MAX_IN_FLIGHT);
        } catch (IOException e) {
            throw new UncheckedIOException("indexing " + changes.size() + " stored papers failed", e);
        }
    }

    /**
     * Notes the batches in flight that have been written, oldest first, and waits for the oldest
     * while more than {@code atMost} are still being written; commits when enough papers are in.
     * The threads go on with later batches meanwhile, and through a commit, whose position is the
     * last batch written whole (what a later batch wrote already is simply written again after a crash).
     */
    private void settle(int atMost) throws IOException {
        while (!inFlight.isEmpty() && (inFlight.size() > atMost || inFlight.peek().isDone())) {
            DocumentWriters.Batch oldest = inFlight.peek();
            try {
                oldest.await();
            } catch (IOException | RuntimeException e) {
                abandonInFlight();
                throw e;
            }
            inFlight.remove();
            advance(oldest.changes());
        }
    }

    /** After a failure: waits for the other batches to stop, and forgets them (the store has them). */
    private void abandonInFlight() {
        for (DocumentWriters.Batch batch : inFlight) {
            try {
                batch.await();
            } catch (IOException | RuntimeException ignored) {
                // the first failure is the one thrown
            }
        }
        inFlight.clear();
        wholeThrough = -1;
    }

    /**
     * An import into a store without vectors (the usual case) skips looking them up; vectors
     * stored meanwhile arrive through addVectors, which waits for the write in progress.
     */
    private boolean withVectors() {
        return semantic.isOn() && liveModels().stream().anyMatch(s -> s.vectors().any());
    }

    /** The models whose vectors go in the documents written now: the configured one, and the answering one. */
    private List<Semantic> liveModels() {
        Semantic now = answering;
        return now == semantic ? List.of(semantic) : List.of(now, semantic);
    }

    /** Notes that {@code papers} are in the writer; commits when enough papers are waiting. */
    private void advance(List<Change> papers) throws IOException {
        position = papers.getLast().position();
        uncommitted += papers.size();
        written.addAndGet(papers.size());
        if (uncommitted >= COMMIT_EVERY) {
            commit(Map.of());
        }
    }

    /**
     * Rewrites the documents of papers whose vectors were just stored, from the papers' current
     * state, and records that the embedder has gone through the change order up to {@code upTo}.
     */
    public synchronized void addVectors(PaperStore store, List<ArxivId> ids, Change.Position upTo) {
        try {
            settle(0);
            write(store.currentChanges(ids), true);
            written.addAndGet(ids.size());
            Map<String, String> data = new HashMap<>(Map.of(VECTOR_CHANGE_NO, Long.toString(upTo.changeNo()),
                    VECTOR_PAPER_ID, upTo.paperId(), EMBEDDING_MODEL, semantic.model()));
            if (vectorModel() == null) {
                data.put(VECTOR_MODEL, semantic.model()); // the first vectors: the configured model answers
            }
            commit(data);
            searchers.maybeRefresh();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot add vectors to the index", e);
        }
    }

    /** Indexes a page with its stored vectors on the analysis threads, and returns when all of it is in. */
    private void write(List<Change> page, boolean withVectors) throws IOException {
        documents.start(page, vectors(page, withVectors)).await();
    }

    /** The stored vectors of a page's papers, by vector field and paper id. */
    private Map<String, Map<String, PaperVectors.Stored>> vectors(List<Change> page, boolean withVectors) {
        if (!semantic.isOn() || !withVectors) {
            return Map.of();
        }
        List<ArxivId> ids = page.stream().map(c -> c.paper().id()).toList();
        Map<String, Map<String, PaperVectors.Stored>> byField = new HashMap<>();
        for (Semantic model : liveModels()) {
            byField.put(model.field(), model.vectors().find(ids));
        }
        return byField;
    }

    /**
     * Called by the embedder when it has gone through the whole store with the configured model:
     * from now on that model answers (if another did until now), and the next documents written
     * carry its vectors only. Returns whether it switched.
     */
    public synchronized boolean answerWithConfiguredModel() {
        if (!semantic.isOn() || (answering == semantic && semantic.model().equals(vectorModel()))) {
            return false;
        }
        try {
            settle(0);
            commit(Map.of(VECTOR_MODEL, semantic.model()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot switch searches to " + semantic.embedder().modelName(), e);
        }
        answering = semantic;
        search = new PaperSearch(searchers, analyzer, semantic, pool.budget());
        return true;
    }

    /** The model that answers searches now (the configured one, or the one before it while the new one embeds). */
    public Embedder answeringModel() {
        return answering.embedder();
    }

    /**
     * While another model answers than the configured one: the configured one and how many of the
     * indexed papers carry its vectors so far (as of the last refresh).
     */
    public Optional<ModelSwitch> modelSwitch() {
        Semantic now = answering;
        if (!semantic.isOn() || now == semantic) {
            return Optional.empty();
        }
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                SearchResults.Coverage coming = IndexCoverage.meaning(searcher, semantic.field());
                long papers = searcher.getIndexReader().numDocs();
                long embedded = coming.partial() ? coming.embedded() : papers;
                return Optional.of(new ModelSwitch(now.embedder().modelName(), semantic.embedder().modelName(), embedded, papers));
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the search index", e);
        }
    }

    /** A change of model under way: {@code answering} answers until {@code coming} has vectors for every paper. */
    public record ModelSwitch(String answering, String coming, long embedded, long papers) {}

    /** Drops the index and builds it again from the whole store, with the vectors stored so far. */
    public synchronized long rebuild(PaperStore store) {
        startOver();
        return catchUp(store);
    }

    /**
     * Empties the index and sets it to start from the beginning of the store. The embedder keeps
     * its position, and the answering model stays: the vectors stored go back in with the papers.
     */
    private void startOver() {
        abandonInFlight();
        try {
            writer.deleteAll();
            Map<String, String> start = new HashMap<>(Map.of(CHANGE_NO, "0", PAPER_ID, "", FORMAT, PaperDocuments.FORMAT));
            position = Change.Position.START;
            wholeThrough = -1;
            commit(start);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear the search index", e);
        }
    }

    /** @throws SearchPool.Busy when as many searches run and wait as the pool takes */
    public SearchResults search(SearchRequest request) {
        return watched(SearchWatch.Kind.QUERY, () -> search.search(request));
    }

    /**
     * Papers like a pasted passage (up to 5,000 characters): nearest by meaning, or by shared words without vectors.
     *
     * @throws SearchPool.Busy when as many searches run and wait as the pool takes
     */
    public SearchResults searchLike(String text, SearchFilters filters, int offset, int limit) {
        return watched(SearchWatch.Kind.LIKE, () -> search.like(text, filters, offset, limit));
    }

    /** Runs {@code work} on the pool and tells the watch how it went (a failure is the request's to tell). */
    private SearchResults watched(SearchWatch.Kind kind, Callable<SearchResults> work) {
        long start = System.nanoTime();
        SearchResults results;
        try {
            results = pool.run(work);
        } catch (SearchPool.Busy e) {
            watch.refused();
            throw e;
        }
        watch.answered(kind, results, System.nanoTime() - start);
        return results;
    }

    /**
     * The papers nearest in meaning to a paper (itself excluded), or none when it has no vector.
     * Not on the search pool: it is small and the same for every paper (five neighbours of a stored
     * vector, no typed text), and a paper's page should not fail because searches are queueing.
     */
    public List<ArxivId> related(ArxivId id, int limit) {
        if (!semantic.isOn()) {
            return List.of();
        }
        PaperSearch now = search; // the answering model's vector, searched in its field
        float[] vector = now.semantic().vectors().find(id);
        return vector == null ? List.of() : now.nearest(vector, id, limit);
    }

    /** How often something was remembered ({@code hits}) rather than worked out again ({@code misses}) since start. */
    public record Remembered(long hits, long misses) {
        static Remembered of(com.github.benmanes.caffeine.cache.stats.CacheStats stats) {
            return new Remembered(stats.hitCount(), stats.missCount());
        }
    }

    /** How often the vector of a typed query was remembered rather than embedded again. */
    public Remembered queryVectorCounts() {
        return Remembered.of(search.queryVectorStats());
    }

    /** How often a search's answer was remembered for the same index snapshot rather than searched again. */
    public Remembered answerCounts() {
        return Remembered.of(search.answerStats());
    }

    /** How often a word's place in the index snapshot was remembered rather than looked up in every segment again. */
    public Remembered knownTermCounts() {
        return Remembered.of(search.knownTermStats());
    }

    /** Whether semantic and hybrid search can run: embeddings are on and some paper has a vector. */
    public boolean hasVectors() {
        return search.hasVectors();
    }

    /** How many papers the index holds (as of the last refresh). */
    public int size() {
        return search.size();
    }

    /**
     * How many indexed papers carry a vector (as of the last refresh); the documents of papers
     * written again since, which stay until their segment merges, are not counted.
     */
    public int vectorCount() {
        return search.vectorCount();
    }

    /** The store position the index has caught up to. */
    public Change.Position committedPosition() {
        return position(CHANGE_NO, PAPER_ID);
    }

    /**
     * The store position up to which the embedder has put vectors of the configured model in the
     * index: the start when its position is another model's.
     */
    public Change.Position vectorPosition() {
        Map<String, String> data = commitData();
        String model = data.getOrDefault(EMBEDDING_MODEL, data.get(VECTOR_MODEL));
        return semantic.isOn() && semantic.model().equals(model)
                ? position(VECTOR_CHANGE_NO, VECTOR_PAPER_ID)
                : Change.Position.START;
    }

    /** The model (key) whose vectors answer searches, or null before any paper has a vector. */
    public String vectorModel() {
        return commitData().get(VECTOR_MODEL);
    }

    private Change.Position position(String changeKey, String idKey) {
        Map<String, String> data = commitData();
        if (!data.containsKey(changeKey)) {
            return Change.Position.START;
        }
        return new Change.Position(Long.parseLong(data.get(changeKey)), data.getOrDefault(idKey, ""));
    }

    private Map<String, String> commitData() {
        Map<String, String> data = new HashMap<>();
        Iterable<Map.Entry<String, String>> live = writer.getLiveCommitData();
        if (live != null) {
            live.forEach(e -> data.put(e.getKey(), e.getValue()));
        }
        return data;
    }

    /**
     * Commits what the writer holds with the position it has indexed up to, keeping the other
     * values recorded in the last commit unless {@code changed} gives them.
     */
    private void commit(Map<String, String> changed) throws IOException {
        Map<String, String> data = commitData();
        data.put(CHANGE_NO, Long.toString(position.changeNo()));
        data.put(PAPER_ID, position.paperId());
        data.putAll(changed);
        writer.setLiveCommitData(data.entrySet());
        writer.commit();
        uncommitted = 0;
    }

    /** Papers written into the index since it was opened (for telling a bulk write from a quiet index). */
    public long papersWritten() {
        return written.get();
    }

    /** How many documents each segment of the index holds, deleted ones included (as of the last refresh). */
    public List<Integer> segmentSizes() {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return searcher.getIndexReader().leaves().stream().map(leaf -> leaf.reader().maxDoc()).toList();
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the search index", e);
        }
    }

    /**
     * Merges the index into one segment when a merge is due ({@link SegmentMerge#due}: after a bulk
     * write), and commits it. The calling thread waits for the merge (90 s to 5 minutes of one core
     * at a million papers, by machine), but nothing else does: it holds no lock of this index, so
     * papers are written (into segments of their own) and searched meanwhile, and searches see the
     * merged segment once it is done. Closing the index abandons a merge under way. Empty when no merge was due, another is
     * running, or the index closed meanwhile.
     */
    public Optional<SegmentMerge> mergeSegments() {
        if (!merging.compareAndSet(false, true)) {
            return Optional.empty();
        }
        try {
            List<Integer> sizes = segmentSizes();
            if (!SegmentMerge.due(sizes)) {
                return Optional.empty();
            }
            long started = System.nanoTime();
            writer.forceMerge(1);
            commitMerged();
            long documents = sizes.stream().mapToLong(Integer::longValue).sum();
            return Optional.of(new SegmentMerge(sizes.size(), documents, (System.nanoTime() - started) / 1e9));
        } catch (AlreadyClosedException e) {
            return Optional.empty(); // closed meanwhile: the merge is abandoned, the index is as its last commit left it
        } catch (IOException e) {
            if (!writer.isOpen()) {
                return Optional.empty();
            }
            throw new UncheckedIOException("merging the search index's segments failed", e);
        } finally {
            merging.set(false);
        }
    }

    private synchronized void commitMerged() throws IOException {
        commit(Map.of());
        searchers.maybeRefresh();
    }

    /**
     * Commits what the writer holds (as Lucene's own close would), then closes it without waiting for
     * merges, which a close would: a {@link #mergeSegments} under way is abandoned, not finished.
     */
    @Override
    public synchronized void close() throws IOException {
        abandonInFlight(); // what was not committed is taken again from the store next time
        documents.close();
        searchers.close();
        try {
            if (writer.isOpen()) {
                writer.commit();
            }
        } finally {
            writer.rollback(); // after the commit, this only aborts the merges under way; a no-op once closed
            directory.close();
        }
    }
}
