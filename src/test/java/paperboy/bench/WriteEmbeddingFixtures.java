package paperboy.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import paperboy.search.Embedder;
import paperboy.search.EmbeddingModel;
import paperboy.search.EmbeddingFixture;

/**
 * Writes {@code src/test/resources/embeddings/MODEL.json}: each model's vectors of the two texts of
 * {@link EmbeddingFixture}, which {@code EmbeddingFixtureTest} compares the model's output with.
 * Run once, when a model is added: {@code bench/run.sh WriteEmbeddingFixtures}.
 */
public final class WriteEmbeddingFixtures {

    public static void main(String[] args) throws IOException {
        ObjectMapper json = new ObjectMapper();
        for (EmbeddingModel model : EmbeddingModel.values()) {
            try (Embedder embedder = new Embedder(model)) {
                ObjectNode root = json.createObjectNode().put("model", embedder.modelKey());
                ArrayNode vectors = root.putArray("vectors");
                for (String text : EmbeddingFixture.TEXTS) {
                    ArrayNode vector = vectors.addArray();
                    for (float x : embedder.embed(text)) {
                        vector.add(x);
                    }
                }
                root.putPOJO("texts", List.of(EmbeddingFixture.TEXTS));
                Path file = Path.of("src/test/resources/embeddings", model.id() + ".json");
                Files.writeString(file, json.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n");
                System.out.println("wrote " + file);
            }
        }
    }
}
