package paperboy.config;

import java.util.Locale;

/**
 * How search works beyond keywords.
 *
 * @param embeddings   whether papers are embedded for semantic search ({@code PAPERBOY_EMBEDDINGS},
 *                     on unless {@code off})
 * @param vectorFormat how the index keeps vectors: {@code float32} or the quantised {@code int8}
 *                     ({@code PAPERBOY_VECTOR_FORMAT})
 * @param fusion       how hybrid search merges keyword and semantic rankings: {@code rrf}, {@code rrf:K},
 *                     or {@code weighted:W} with W the keyword weight, optionally {@code :zscore}
 *                     ({@code PAPERBOY_FUSION})
 */
public record SearchSettings(boolean embeddings, String vectorFormat, String fusion) {
    public static final String DEFAULT_VECTOR_FORMAT = "int8";
    public static final String DEFAULT_FUSION = "weighted:0.5";

    /** Keyword search only: what tests and tools get unless they ask for more. */
    public static final SearchSettings KEYWORDS_ONLY = new SearchSettings(false, DEFAULT_VECTOR_FORMAT, DEFAULT_FUSION);

    public SearchSettings {
        vectorFormat = vectorFormat == null || vectorFormat.isBlank() ? DEFAULT_VECTOR_FORMAT : vectorFormat.strip().toLowerCase(Locale.ROOT);
        fusion = fusion == null || fusion.isBlank() ? DEFAULT_FUSION : fusion.strip().toLowerCase(Locale.ROOT);
        if (!vectorFormat.equals("float32") && !vectorFormat.equals("int8")) {
            throw new ConfigException("PAPERBOY_VECTOR_FORMAT", vectorFormat, "float32 or int8");
        }
        if (!fusion.matches("rrf(:\\d+)?|weighted:(0(\\.\\d+)?|1(\\.0+)?)(:(minmax|zscore))?")) {
            throw new ConfigException("PAPERBOY_FUSION", fusion, "rrf, rrf:K, or weighted:W[:minmax|zscore] with W from 0 to 1");
        }
    }

    public SearchSettings withEmbeddings(boolean on) {
        return new SearchSettings(on, vectorFormat, fusion);
    }
}
