package paperboy.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class EmbedderTest {

    /** The real model, loaded once for this JVM the first time a test asks for it. */
    private final Embedder embedder = TestEmbedder.shared();

    private static double norm(float[] v) {
        return Math.sqrt(Vectors.dot(v, v));
    }

    @Test
    void vectorsHaveTheModelsDimensionAndUnitLength() {
        float[] v = embedder.embed("Graph neural networks for molecule property prediction");
        assertThat(embedder.dimensions()).isEqualTo(384);
        assertThat(v).hasSize(384);
        assertThat(norm(v)).isCloseTo(1.0, within(1e-5));
    }

    @Test
    void relatedTextsAreCloserThanUnrelatedOnes() {
        List<float[]> v = embedder.embedAll(List.of(
                "Transformers for machine translation between languages",
                "Neural sequence-to-sequence models translate English to German",
                "Soil erosion on farmland after heavy rainfall"));
        // 0.58 against -0.01 when measured: a margin no CPU's rounding comes near.
        assertThat(Vectors.dot(v.get(0), v.get(1))).isGreaterThan(Vectors.dot(v.get(0), v.get(2)) + 0.2f);
    }

    @Test
    void embedAllKeepsInputOrderWhenItSortsByLength() {
        String longer = "Protein structure prediction with deep learning reaches experimental accuracy on many targets";
        String shorter = "Black holes";
        List<float[]> batch = embedder.embedAll(List.of(longer, shorter, longer));
        float[] alone = embedder.embed(longer);
        float[] shorterAlone = embedder.embed(shorter);
        // Batches are quantised together, so a vector moves with its batchmates, by an amount that
        // depends on the CPU's int8 kernels (0.993 and 0.991 of its own text's vector alone when
        // measured with AVX-512); it stays far closer to that than to the other text's (0.10).
        assertThat(Vectors.dot(batch.get(0), alone)).isGreaterThan(Vectors.dot(batch.get(0), shorterAlone) + 0.5f);
        assertThat(Vectors.dot(batch.get(1), shorterAlone)).isGreaterThan(Vectors.dot(batch.get(1), alone) + 0.5f);
        assertThat(Vectors.dot(batch.get(0), batch.get(2))).isCloseTo(1.0f, within(1e-5f));
    }

    @Test
    void textsBeyondTheWindowAreCut() {
        String head = "Spiking neural networks on neuromorphic chips. ".repeat(40); // about 360 wordpieces
        assertThat(embedder.tokenCount(head)).isGreaterThan(embedder.settings().maxTokens());
        float[] cut = embedder.embed(head);
        float[] withTail = embedder.embed(head + " Completely different closing words about volcano geology and lava.");
        assertThat(Vectors.dot(cut, withTail)).isCloseTo(1.0f, within(1e-5f));
    }

    @Test
    void windowsCoverTheTextWithOverlapAndNeverSplitAWord() {
        String text = "alpha beta gamma delta epsilon zeta eta theta iota kappa";
        List<String> windows = embedder.windows(text, 4, 1);
        assertThat(windows.getFirst()).startsWith("alpha");
        assertThat(windows.getLast()).endsWith("kappa");
        assertThat(windows).allSatisfy(w -> assertThat(embedder.tokenCount(w)).isLessThanOrEqualTo(4));
        assertThat(windows).allSatisfy(w -> assertThat(text).contains(w));
        assertThat(windows).noneSatisfy(w -> assertThat(w).startsWith("#"));
    }

    @Test
    void emptyTextStillEmbeds() {
        assertThat(embedder.embed("")).hasSize(384);
    }
}
