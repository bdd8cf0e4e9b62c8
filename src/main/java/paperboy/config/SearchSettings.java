package paperboy.config;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How search works beyond keywords.
 *
 * @param embeddings      whether papers are embedded for semantic search ({@code PAPERBOY_EMBEDDINGS},
 *                        on unless {@code off})
 * @param vectorFormat    how the index keeps vectors: {@code float32} or the quantised {@code int8}
 *                        ({@code PAPERBOY_VECTOR_FORMAT})
 * @param fusion          how hybrid search merges keyword and semantic rankings: {@code rrf}, {@code rrf:K},
 *                        or {@code weighted:W} with W the keyword weight, optionally {@code :zscore}
 *                        ({@code PAPERBOY_FUSION}; unset: the model's {@link Tuning})
 * @param similarityFloor the least cosine similarity a paper needs to match by meaning, -1 for none
 *                        ({@code PAPERBOY_SIMILARITY_FLOOR}; unset: the model's {@link Tuning})
 * @param timeout         how long one search may take before it answers with what it has found
 *                        ({@code PAPERBOY_SEARCH_TIMEOUT_MS})
 * @param embeddingModel  which model embeds papers and queries: {@code minilm} or {@code bge-small}
 *                        ({@code PAPERBOY_EMBEDDING_MODEL})
 */
public record SearchSettings(boolean embeddings, String vectorFormat, String fusion, double similarityFloor,
        Duration timeout, String embeddingModel) {
    public static final String DEFAULT_VECTOR_FORMAT = "int8";
    /** Searches take tens of milliseconds at a million papers (BENCHMARKS.md); this stops only runaways. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);
    /** Chosen by SciFact train hybrid nDCG@10 and throughput (BENCHMARKS.md, "Embedding models"). */
    public static final String DEFAULT_EMBEDDING_MODEL = "bge-small";
    /** The models the jar carries (paperboy.search.EmbeddingModel). */
    public static final List<String> EMBEDDING_MODELS = List.of("minilm", "bge-small");

    /**
     * How hybrid search fuses and where the similarity floor sits for one model, when the
     * configuration does not say: each model was tuned on SciFact train (BENCHMARKS.md, "Embedding
     * models: both models, prefix on and off"), and their cosines differ (bge-small's unrelated texts sit far higher than
     * MiniLM's), so each has its own.
     */
    public record Tuning(String fusion, double similarityFloor) {}

    private static final Map<String, Tuning> TUNING = Map.of(
            "minilm", new Tuning("weighted:0.5", 0.25),
            "bge-small", new Tuning("weighted:0.3", 0.6));

    /** The default model's tuning. */
    public static final Tuning DEFAULT_TUNING = TUNING.get(DEFAULT_EMBEDDING_MODEL);

    /** Keyword search only: what tests and tools get unless they ask for more. */
    public static final SearchSettings KEYWORDS_ONLY = new SearchSettings(false, DEFAULT_VECTOR_FORMAT, null);

    public SearchSettings {
        vectorFormat = vectorFormat == null || vectorFormat.isBlank() ? DEFAULT_VECTOR_FORMAT : vectorFormat.strip().toLowerCase(Locale.ROOT);
        embeddingModel = embeddingModel(embeddingModel);
        fusion = fusion == null || fusion.isBlank() ? tuning(embeddingModel).fusion() : fusion.strip().toLowerCase(Locale.ROOT);
        if (!vectorFormat.equals("float32") && !vectorFormat.equals("int8")) {
            throw new ConfigException("PAPERBOY_VECTOR_FORMAT", vectorFormat, "float32 or int8");
        }
        if (!(similarityFloor >= -1 && similarityFloor <= 1)) {
            throw new ConfigException("PAPERBOY_SIMILARITY_FLOOR", Double.toString(similarityFloor), "a cosine similarity from -1 (no floor) to 1");
        }
        if (!fusion.matches("rrf(:\\d+)?|weighted:(0(\\.\\d+)?|1(\\.0+)?)(:(minmax|zscore))?")) {
            throw new ConfigException("PAPERBOY_FUSION", fusion, "rrf, rrf:K, or weighted:W[:minmax|zscore] with W from 0 to 1");
        }
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        if (timeout.isNegative()) {
            throw new ConfigException("PAPERBOY_SEARCH_TIMEOUT_MS", Long.toString(timeout.toMillis()), "a number of milliseconds >= 1");
        }
    }

    /** A configured model name, trimmed and in lower case ({@link #DEFAULT_EMBEDDING_MODEL} if blank); refuses an unknown one. */
    public static String embeddingModel(String name) {
        String model = name == null || name.isBlank() ? DEFAULT_EMBEDDING_MODEL : name.strip().toLowerCase(Locale.ROOT);
        if (!EMBEDDING_MODELS.contains(model)) {
            throw new ConfigException("PAPERBOY_EMBEDDING_MODEL", model, String.join(" or ", EMBEDDING_MODELS));
        }
        return model;
    }

    /** The fusion and floor tuned for a model (a name as {@link #embeddingModel} reads it). */
    public static Tuning tuning(String model) {
        return TUNING.get(embeddingModel(model));
    }

    /** The default model with its tuned similarity floor (and its fusion if {@code fusion} is null), the default time budget. */
    public SearchSettings(boolean embeddings, String vectorFormat, String fusion) {
        this(embeddings, vectorFormat, fusion, DEFAULT_TUNING.similarityFloor(), DEFAULT_TIMEOUT);
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

    /** Another model, keeping this fusion and floor. */
    public SearchSettings withEmbeddingModel(String model) {
        return new SearchSettings(embeddings, vectorFormat, fusion, similarityFloor, timeout, model);
    }

    /** Another model with its own tuned fusion and floor. */
    public SearchSettings withTunedModel(String model) {
        Tuning tuned = tuning(model);
        return new SearchSettings(embeddings, vectorFormat, tuned.fusion(), tuned.similarityFloor(), timeout, model);
    }
}
