package paperboy.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Two fixed texts and each model's vectors of them, computed once ({@code
 * paperboy.bench.WriteEmbeddingFixtures}) and kept in {@code src/test/resources/embeddings/}.
 */
public final class EmbeddingFixture {
    /** A paper-like sentence and an unrelated one; the second has a word split into wordpieces. */
    public static final String[] TEXTS = {
        "Graph neural networks predict molecular properties from atom and bond features.",
        "Soil erosion on farmland increases sharply after heavy rainfall in semi-arid regions.",
    };

    private EmbeddingFixture() {}

    /** The stored vectors of {@link #TEXTS} for a model, in that order. */
    static float[][] vectors(EmbeddingModel model) {
        try (InputStream in = EmbeddingFixture.class.getResourceAsStream("/embeddings/" + model.id() + ".json")) {
            JsonNode vectors = new ObjectMapper().readTree(in).path("vectors");
            float[][] out = new float[vectors.size()][];
            for (int i = 0; i < out.length; i++) {
                JsonNode v = vectors.get(i);
                out[i] = new float[v.size()];
                for (int d = 0; d < out[i].length; d++) {
                    out[i][d] = (float) v.get(d).asDouble();
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
