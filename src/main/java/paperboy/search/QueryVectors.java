package paperboy.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import java.util.function.Function;

/**
 * The vectors of typed queries, remembered for queries asked again: embedding a query is most of
 * a hybrid search's time (several milliseconds of the model on two cores), and popular queries
 * come back. Bounded ({@link #SIZE} queries, about 1.5 KiB each with MiniLM's 384 dimensions),
 * keyed by the model and the text, so a vector is only ever reused for the same text and model;
 * each caller gets its own copy. Pasted passages are not kept (long, and seldom the same twice).
 */
final class QueryVectors {
    /** Queries remembered: a few MiB at most. */
    static final int SIZE = 2_000;

    private final Cache<Key, float[]> vectors;
    private final Function<String, float[]> embed;

    /** @param embed the model's embedding of a query ({@code Embedder#embed}) */
    QueryVectors(Function<String, float[]> embed, int size) {
        this.embed = embed;
        this.vectors = Caffeine.newBuilder().maximumSize(size).recordStats().build();
    }

    private record Key(String model, String text) {}

    /** The vector of {@code text} under {@code model}, embedded now or remembered from an earlier query. */
    float[] of(String model, String text) {
        return vectors.get(new Key(model, text), key -> embed.apply(key.text())).clone();
    }

    /** Queries remembered now (after {@link #cleanUp}, exactly). */
    long size() {
        return vectors.estimatedSize();
    }

    /** Runs pending evictions. */
    void cleanUp() {
        vectors.cleanUp();
    }

    /** Hits and misses since start (for {@code /metrics} and the bench). */
    CacheStats stats() {
        return vectors.stats();
    }
}
