package paperboy.search;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The embedding models the jar carries (pom.xml unpacks each into {@code models/NAME/}), with what
 * their model cards say about using them: how token vectors become one vector, the instruction a
 * retrieval query may start with (and whether it does by default), and the longest input. Every model gives 384 L2-normalised dimensions.
 */
public enum EmbeddingModel {
    /**
     * sentence-transformers/all-MiniLM-L6-v2, int8: mean pooling, no instruction; it takes 512
     * wordpieces but was trained on at most 256, where its settings cut.
     */
    MINILM("minilm", "all-MiniLM-L6-v2", "all-minilm-l6-v2-q", Pooling.MEAN, "", false, 512),
    /**
     * BAAI/bge-small-en-v1.5, int8 (Xenova's ONNX export): the [CLS] token's vector, as its model
     * card says; 512 wordpieces. The card offers a retrieval instruction for queries (not passages),
     * optional since v1.5; on SciFact train queries did better without it (BENCHMARKS.md), so it is
     * off by default.
     */
    BGE_SMALL("bge-small", "bge-small-en-v1.5", "bge-small-en-v1.5-q", Pooling.CLS,
            "Represent this sentence for searching relevant passages: ", false, 512);

    /** How the vectors of a text's tokens become the text's vector. */
    enum Pooling {
        /** The mean of the real (unpadded) tokens' vectors. */
        MEAN,
        /** The vector of the first token, [CLS]. */
        CLS
    }

    private final String id;
    private final String displayName;
    private final ModelFiles files;
    private final Pooling pooling;
    private final String queryPrefix;
    private final boolean prefixByDefault;
    private final int maxTokens;

    EmbeddingModel(String id, String displayName, String files, Pooling pooling, String queryPrefix,
            boolean prefixByDefault, int maxTokens) {
        this.id = id;
        this.displayName = displayName;
        this.files = new ModelFiles(files);
        this.pooling = pooling;
        this.queryPrefix = queryPrefix;
        this.prefixByDefault = prefixByDefault;
        this.maxTokens = maxTokens;
    }

    /** Reads a configured name: {@code minilm} or {@code bge-small}. */
    public static EmbeddingModel parse(String text) {
        String wanted = text.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(m -> m.id.equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("embedding model must be " + names() + ", not \"" + text + "\""));
    }

    /** The configured names, as {@code minilm|bge-small}. */
    public static String names() {
        return Arrays.stream(values()).map(EmbeddingModel::id).collect(Collectors.joining("|"));
    }

    /** The name in configuration: {@code minilm} or {@code bge-small}. */
    public String id() {
        return id;
    }

    /** The name people know the model by, e.g. bge-small-en-v1.5. */
    public String displayName() {
        return displayName;
    }

    ModelFiles files() {
        return files;
    }

    Pooling pooling() {
        return pooling;
    }

    /** What a retrieval query starts with (empty for a model without instructions). */
    public String queryPrefix() {
        return queryPrefix;
    }

    /** Whether queries get {@link #queryPrefix} unless told otherwise (measured on SciFact train, BENCHMARKS.md). */
    public boolean prefixByDefault() {
        return prefixByDefault;
    }

    /** The longest input the model takes, in wordpieces with [CLS] and [SEP]. */
    public int maxTokens() {
        return maxTokens;
    }
}
