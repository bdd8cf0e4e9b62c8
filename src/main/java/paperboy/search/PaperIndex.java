package paperboy.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final Analyzer analyzer = PaperDocuments.analyzer();
    private final PaperSearch search;

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
        try {
            for (List<Change> page = store.changesSince(position, PAGE); !page.isEmpty();
                    page = store.changesSince(position, PAGE)) {
                for (Change change : page) {
                    writer.updateDocument(new Term(PaperDocuments.ID, change.paper().id().value()),
                            PaperDocuments.document(change));
                }
                position = page.getLast().position();
                indexed += page.size();
                commit(position);
            }
            searchers.maybeRefresh();
        } catch (IOException e) {
            throw new UncheckedIOException("indexing failed after " + indexed + " papers", e);
        }
        return indexed;
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
        searchers.close();
        writer.close();
        directory.close();
    }
}
