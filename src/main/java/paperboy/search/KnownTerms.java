package paperboy.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Where a query's words are in the current index snapshot, remembered across searches. Before a
 * word is scored, Lucene looks it up in every segment's term dictionary: a title asked at a million
 * papers is twenty terms (each word in the abstract-and-title field and in authors) looked up in
 * each of 16 segments, a ninth of the search's CPU. The same words come back search after search
 * ("learning", "language", "model"), and a snapshot's lookups are right for as long as it is
 * searched, so they are kept per snapshot and word; those of older snapshots age out. Bounded by
 * the number of words kept ({@link #WORDS}).
 */
final class KnownTerms {
    /** Words kept at most: a few hundred bytes each per segment, so a few MiB. */
    static final int WORDS = 20_000;

    private record Key(Object snapshot, Term term) {}

    private final Cache<Key, TermStates> states;

    KnownTerms(int words) {
        this.states = Caffeine.newBuilder()
                .maximumSize(words)
                .executor(Runnable::run) // evict on the searching thread, not in a pool of Caffeine's
                .recordStats()
                .build();
    }

    /**
     * {@code query} with each plain term query (at any depth of boolean and boosted queries) carrying
     * its remembered lookups in {@code searcher}'s snapshot; other queries are left as they are.
     */
    Query of(IndexSearcher searcher, Query query) {
        IndexReader.CacheHelper snapshot = searcher.getIndexReader().getReaderCacheHelper();
        return snapshot == null ? query : withStates(searcher, snapshot.getKey(), query);
    }

    /** How often a word's lookups were remembered rather than made. */
    CacheStats stats() {
        return states.stats();
    }

    private Query withStates(IndexSearcher searcher, Object snapshot, Query query) {
        return switch (query) {
            case TermQuery term -> new TermQuery(term.getTerm(), states(searcher, snapshot, term.getTerm()));
            case BoostQuery boost -> new BoostQuery(withStates(searcher, snapshot, boost.getQuery()), boost.getBoost());
            case BooleanQuery bool -> {
                BooleanQuery.Builder builder = new BooleanQuery.Builder()
                        .setMinimumNumberShouldMatch(bool.getMinimumNumberShouldMatch());
                for (BooleanClause clause : bool.clauses()) {
                    builder.add(withStates(searcher, snapshot, clause.query()), clause.occur());
                }
                yield builder.build();
            }
            default -> query;
        };
    }

    /** Built with statistics, for scoring: such states are complete once built, so threads can share them. */
    private TermStates states(IndexSearcher searcher, Object snapshot, Term term) {
        return states.get(new Key(snapshot, term), key -> {
            try {
                return TermStates.build(searcher, term, true);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot look up '" + term + "' in the index", e);
            }
        });
    }
}
