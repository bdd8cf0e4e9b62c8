package paperboy.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * Each model against vectors it gave once for two fixed texts ({@link EmbeddingFixture}): a broken
 * tokenizer, pooling or normalisation moves a vector far beyond the tolerance, while the int8
 * kernels of another CPU move it a little (batchmates moved MiniLM's vectors to 0.99 of
 * themselves, see EmbedderTest; alone a text's vector moves less).
 */
class EmbeddingModelTest {
    /** Cosine to the stored vector that every CPU's int8 kernels keep; [CLS] instead of mean pooling, or the reverse, gives far less. */
    private static final double SAME = 0.98;

    @ParameterizedTest
    @EnumSource(EmbeddingModel.class)
    void eachModelGivesTheVectorsItGaveOnceForTwoFixedTexts(EmbeddingModel model) {
        Embedder embedder = TestEmbedder.of(model);
        float[][] stored = EmbeddingFixture.vectors(model);
        for (int i = 0; i < EmbeddingFixture.TEXTS.length; i++) {
            float[] now = embedder.embed(EmbeddingFixture.TEXTS[i]);
            assertThat(now).hasSize(384);
            assertThat(Math.sqrt(Vectors.dot(now, now))).isCloseTo(1.0, within(1e-4));
            assertThat(Vectors.dot(now, stored[i])).as("%s, text %d", model, i).isGreaterThan((float) SAME);
            assertThat(Vectors.dot(now, stored[i])).isGreaterThan(Vectors.dot(now, stored[1 - i]) + 0.2f);
        }
    }

    @Test
    void bgeQueriesGetTheRetrievalInstructionOnlyWhenAskedAndMiniLmQueriesNone() {
        // off by default: SciFact train scored higher without it (BENCHMARKS.md, "Embedding models: quality")
        assertThat(EmbeddingModel.BGE_SMALL.prefixByDefault()).isFalse();
        assertThat(TestEmbedder.bge().queryText("sparse attention")).isEqualTo("sparse attention");
        Embedder instructed = new Embedder(EmbeddingModel.BGE_SMALL, Embedder.Settings.BGE_SMALL, true);
        assertThat(instructed.queryText("sparse attention"))
                .isEqualTo("Represent this sentence for searching relevant passages: sparse attention");
        assertThat(TestEmbedder.shared().queryText("sparse attention")).isEqualTo("sparse attention");
        Embedder miniLmAsked = new Embedder(EmbeddingModel.MINILM, Embedder.Settings.DEFAULT, true);
        assertThat(miniLmAsked.queryText("sparse attention")).isEqualTo("sparse attention"); // it has no instruction
    }

    @Test
    void aBgeQueryVectorIsThePlainTextsByDefaultAndTheInstructedTextsWhenAsked() {
        Embedder bge = TestEmbedder.bge();
        String query = EmbeddingFixture.TEXTS[0];
        assertThat(Vectors.dot(bge.embedQuery(query), bge.embed(query))).isCloseTo(1.0f, within(1e-4f));
        try (Embedder instructed = new Embedder(EmbeddingModel.BGE_SMALL, Embedder.Settings.BGE_SMALL, true)) {
            float[] asQuery = instructed.embedQuery(query);
            assertThat(Vectors.dot(asQuery, bge.embed(EmbeddingModel.BGE_SMALL.queryPrefix() + query))).isCloseTo(1.0f, within(1e-4f));
            assertThat(Vectors.dot(asQuery, bge.embed(query))).isLessThan(0.999f);
        }
        // the paper's own vector, as the worker stores it, is the plain text's
        assertThat(Vectors.dot(bge.embed(query), EmbeddingFixture.vectors(EmbeddingModel.BGE_SMALL)[0])).isGreaterThan((float) SAME);
    }

    @Test
    void modelsAreNamedAsConfigured() {
        assertThat(EmbeddingModel.parse(" BGE-small ")).isEqualTo(EmbeddingModel.BGE_SMALL);
        assertThat(EmbeddingModel.parse("minilm")).isEqualTo(EmbeddingModel.MINILM);
        assertThat(EmbeddingModel.names()).isEqualTo("minilm|bge-small");
        assertThatThrownBy(() -> EmbeddingModel.parse("bge-large")).hasMessageContaining("minilm|bge-small");
        assertThat(TestEmbedder.bge().modelKey()).isEqualTo("bge-small-en-v1.5-q/" + Embedder.Settings.BGE_SMALL.maxTokens());
        assertThat(TestEmbedder.shared().modelKey()).isEqualTo("all-minilm-l6-v2-q/256"); // the key MiniLM vectors were stored under
    }
}
