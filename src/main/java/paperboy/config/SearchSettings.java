package paperboy.config;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * How search works beyond keywords.
 *
 * @param embeddings      whether papers are embedded for semantic search ({@code PAPERBOY_EMBEDDINGS},
 *                        on unless {@code off})
 * @param vectorFormat    how the index keeps vectors: {@code float32} or the quantised {@code int8}
 *                        ({@code PAPERBOY_VECTOR_FORMAT})
 * @param fusion          how hybrid search merges keyword and semantic rankings: {@code rrf}, {@code rrf:K},
 *                        or {@code weighted:W} with W the keyword weight, optionally {@code :zscore}
 *                        ({@code PAPERBOY_FUSION})
 * @param similarityFloor the least cosine similarity a paper needs to match by meaning, -1 for none
 *                        ({@code PAPERBOY_SIMILARITY_FLOOR})
 * @param timeout         how long one search may take before it answers with what it has found
 *                        ({@code PAPERBOY_SEARCH_TIMEOUT_MS})
 * @param embeddingModel  which model embeds papers and queries: {@code minilm} or {@code bge-small}
 *                        ({@code PAPERBOY_EMBEDDING_MODEL})
 */
public record SearchSettings(boolean embeddings, String vectorFormat, String fusion, double similarityFloor,
        Duration timeout, String embeddingModel) {
    public static final String DEFAULT_VECTOR_FORMAT = "int8";
    public static final String DEFAULT_FUSION = "weighted:0.5";
    /** The highest floor that cost no nDCG@10 on SciFact train (BENCHMARKS.md, "Similarity floor"). */
    public static final double DEFAULT_SIMILARITY_FLOOR = 0.25;
    /** Searches take tens of milliseconds at a million papers (BENCHMARKS.md); this stops only runaways. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);
    /** Chosen by SciFact train hybrid nDCG@10 and throughput (BENCHMARKS.md, "Embedding models"). */
    public static final String DEFAULT_EMBEDDING_MODEL = "minilm";
    /** The models the jar carries (paperboy.search.EmbeddingModel). */
    public static final List<String> EMBEDDING_MODELS = List.of("minilm", "bge-small");

    /** Keyword search only: what tests and tools get unless they ask for more. */
    public static final SearchSettings KEYWORDS_ONLY = new SearchSettings(false, DEFAULT_VECTOR_FORMAT, DEFAULT_FUSION);

    public SearchSettings {
        vectorFormat = vectorFormat == null || vectorFormat.isBlank() ? DEFAULT_VECTOR_FORMAT : vectorFormat.strip().toLowerCase(Locale.ROOT);
        fusion = fusion == null || fusion.isBlank() ? DEFAULT_FUSION : fusion.strip().toLowerCase(Locale.ROOT);
        if (!vectorFormat.equals("float32") && !vectorFormat.equals("int8")) {
            throw new ConfigException("PAPERBOY_VECTOR_FORMAT", vectorFormat, "float32 or int8");
        }
        if (!(similarityFloor >= -1 && similarityFloor <= 1)) {
            throw new ConfigException("PAPERBOY_SIMILARITY_FLOOR", Double.toString(similarityFloor), "a cosine similarity from -1 (no floor) to 1");
        }
        if (!fusion.matches("rrf(:\\d+)?|weighted:(0(\\.\\d+)?|1(\\.0+)?)(:(minmax|zscore))?")) {
            throw new ConfigException("PAPERBOY_FUSION", fusion, "rrf, rrf:K, or weighted:W[:minmax|zscore] with W from 0 to 1");
        }
        embeddingModel = embeddingModel == null || embeddingModel.isBlank()
                ? DEFAULT_EMBEDDING_MODEL : embeddingModel.strip().toLowerCase(Locale.ROOT);
        if (!EMBEDDING_MODELS.contains(embeddingModel)) {
            throw new ConfigException("PAPERBOY_EMBEDDING_MODEL", embeddingModel, String.join(" or ", EMBEDDING_MODELS));
        }
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        if (timeout.isNegative()) {
            throw new ConfigException("PAPERBOY_SEARCH_TIMEOUT_MS", Long.toString(timeout.toMillis()), "a number of milliseconds >= 1");
        }
    }

    /** With the calibrated similarity floor, the default time budget and the default model. */
    public SearchSettings(boolean embeddings, String vectorFormat, String fusion) {
        this(embeddings, vectorFormat, fusion, DEFAULT_SIMILARITY_FLOOR, DEFAULT_TIMEOUT);
    }

    /** With the default model. */
    public SearchSettings(boolean embeddings, String vectorFormat, String fusion, double similarityFloor, Duration timeout) {
        this(embeddings, vectorFormat, fusion, similarityFloor, timeout, DEFAULT_EMBEDDING_MODEL);
    }

    public SearchSettings withEmbeddings(boolean on) {
        return new SearchSettings(on, vectorFormat, fusion, similarityFloor, timeout, embeddingModel);
    }

    public SearchSettings withSimilarityFloor(double floor) {
        return new SearchSettings(embeddings, vectorFormat, fusion, floor, timeout, embeddingModel);
    }

    public SearchSettings withTimeout(Duration newTimeout) {
        return new SearchSettings(embeddings, vectorFormat, fusion, similarityFloor, newTimeout, embeddingModel);
    }

    public SearchSettings withEmbeddingModel(String model) {
        return new SearchSettings(embeddings, vectorFormat, fusion, similarityFloor, timeout, model);
    }
}
