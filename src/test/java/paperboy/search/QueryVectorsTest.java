package paperboy.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The remembered vectors of typed queries: the model's own vector, embedded once per text and model, each caller's copy its own. */
class QueryVectorsTest {
    @Test
    void aRepeatedQueryGetsTheModelsVectorWithoutEmbeddingItAgain() {
        Embedder model = TestEmbedder.shared();
        List<String> embedded = new ArrayList<>();
        QueryVectors vectors = new QueryVectors(text -> {
            embedded.add(text);
            return model.embed(text);
        }, 10);

        float[] first = vectors.of("minilm", "sparse attention");
        float[] again = vectors.of("minilm", "sparse attention");

        assertThat(first).containsExactly(model.embed("sparse attention"));
        assertThat(again).containsExactly(first);
        assertThat(embedded).containsExactly("sparse attention");
        assertThat(vectors.stats().hitCount()).isEqualTo(1);
        assertThat(vectors.stats().missCount()).isEqualTo(1);
    }

    @Test
    void anotherTextOrModelIsEmbeddedAndACallerCannotChangeWhatIsRemembered() {
        List<String> embedded = new ArrayList<>();
        QueryVectors vectors = new QueryVectors(text -> {
            embedded.add(text);
            return new float[] {text.length(), 1};
        }, 10);

        vectors.of("minilm", "diffusion")[0] = -1;
        assertThat(vectors.of("minilm", "diffusion")).containsExactly(9, 1);
        vectors.of("bge-small", "diffusion");
        vectors.of("minilm", "diffusion models");

        assertThat(embedded).containsExactly("diffusion", "diffusion", "diffusion models");
    }

    @Test
    void itKeepsNoMoreThanItsSize() {
        List<String> embedded = new ArrayList<>();
        QueryVectors vectors = new QueryVectors(text -> {
            embedded.add(text);
            return new float[] {1};
        }, 2);
        for (int i = 0; i < 50; i++) {
            vectors.of("minilm", "query " + i);
        }
        vectors.cleanUp();
        assertThat(vectors.size()).isLessThanOrEqualTo(2);
    }
}
