package paperboy.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.IndexSearcher;

/**
 * Pages of search results remembered per index snapshot, for the same search asked again: the
 * highlighter is most of a search's time (about four fifths of a keyword search's CPU in a profile
 * of {@code /search}), and popular queries come back within minutes. Keyed by the snapshot's
 * version and the whole request (query, mode, filters, order, page), so an answer is reused only
 * while the index is exactly as it was: any change the index takes in makes a new snapshot, whose
 * searches start afresh, and the old answers age out. Bounded by the characters the answers hold
 * ({@link #CHARS}, a few MiB). Never kept: answers cut short by the time budget, and pasted
 * passages (long, and seldom the same twice).
 */
final class RememberedAnswers {
    /** Characters of snippets and notices remembered at most (about 8 MiB of heap). */
    static final long CHARS = 4L << 20;
    /** What one hit costs beyond its snippets: id, score, the list's slot. */
    private static final int HIT_OVERHEAD = 64;

    /** A search given the searcher it runs on. */
    interface Search {
        SearchResults run() throws IOException;
    }

    private record Key(long snapshot, SearchRequest request) {}

    private final Cache<Key, SearchResults> answers;
    /** Searches running now, by key, for callers asking the same meanwhile. */
    private final ConcurrentMap<Key, CompletableFuture<SearchResults>> inFlight = new ConcurrentHashMap<>();

    RememberedAnswers(long chars) {
        this.answers = Caffeine.newBuilder()
                .maximumWeight(chars)
                .weigher((Key key, SearchResults results) -> weight(key, results))
                .recordStats()
                .build();
    }

    /**
     * The answer to {@code request} on {@code searcher}'s snapshot: remembered, or searched now by
     * {@code search}. A search already running for the same key is waited for, not run again: a
     * popular query asked by many at once (or just after a change of the index) runs once.
     */
    SearchResults answer(IndexSearcher searcher, SearchRequest request, Search search) throws IOException {
        Key key = keyOf(searcher.getIndexReader(), request);
        if (key == null) {
            return search.run();
        }
        SearchResults known = answers.getIfPresent(key);
        if (known != null) {
            return known;
        }
        CompletableFuture<SearchResults> mine = new CompletableFuture<>();
        CompletableFuture<SearchResults> running = inFlight.putIfAbsent(key, mine);
        if (running != null) {
            return await(running);
        }
        try {
            SearchResults results = search.run();
            if (!results.incomplete()) {
                answers.put(key, results);
            }
            mine.complete(results);
            return results;
        } catch (IOException | RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(key, mine);
        }
    }

    /** The answer of the same search run by another caller, or what it failed with. */
    private static SearchResults await(CompletableFuture<SearchResults> running) throws IOException {
        try {
            return running.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }

    /** Null when the answer is not to be kept: a reader with no version, or a pasted passage. */
    private static Key keyOf(IndexReader reader, SearchRequest request) {
        if (!(reader instanceof DirectoryReader snapshot) || request.query() == null
                || request.query().length() > SearchRequest.MAX_QUERY_LENGTH) {
            return null;
        }
        return new Key(snapshot.getVersion(), request);
    }

    private static int weight(Key key, SearchResults results) {
        long chars = key.request().query().length() + (results.notice() == null ? 0 : results.notice().length());
        for (SearchResults.Hit hit : results.hits()) {
            chars += HIT_OVERHEAD + length(hit.titleHtml()) + length(hit.snippetHtml());
        }
        return (int) Math.min(Integer.MAX_VALUE, chars);
    }

    private static int length(String text) {
        return text == null ? 0 : text.length();
    }

    /** Hits and misses since start (for {@code /metrics} and the bench). */
    CacheStats stats() {
        return answers.stats();
    }

    /** Runs pending evictions (tests read the size after it). */
    void cleanUp() {
        answers.cleanUp();
    }

    /** Answers remembered now (after {@link #cleanUp}, exactly). */
    long size() {
        return answers.estimatedSize();
    }
}
