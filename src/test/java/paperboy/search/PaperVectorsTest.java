package paperboy.search;

import static org.assertj.core.api.Assertions.assertThat;
import static paperboy.paper.PaperBuilder.paper;

import java.util.List;
import java.util.Map;
import paperboy.db.Database;
import paperboy.db.StoreTest;
import paperboy.paper.ArxivId;
import paperboy.paper.PaperStore;

/** Vectors in the store, on SQLite and PostgreSQL: kept per model, replaced, read back bit for bit. */
class PaperVectorsTest {
    private static final ArxivId A = ArxivId.parse("2608.00001");
    private static final ArxivId B = ArxivId.parse("2608.00002");

    @StoreTest
    void storesAndReadsVectorsPerModel(Database db) {
        new PaperStore(db.jdbi()).upsert(List.of(paper("2608.00001").update(), paper("2608.00002").update()), "test");
        PaperVectors mini = new PaperVectors(db.jdbi(), "mini");
        PaperVectors other = new PaperVectors(db.jdbi(), "other");

        mini.save(Map.of(A, new PaperVectors.Stored(7, new float[] {0.6f, -0.8f, Float.MIN_VALUE})));

        assertThat(mini.find(A)).containsExactly(0.6f, -0.8f, Float.MIN_VALUE);
        assertThat(mini.find(List.of(A, B))).containsOnlyKeys("2608.00001");
        assertThat(mini.find(List.of(A)).get("2608.00001").textHash()).isEqualTo(7);
        assertThat(mini.count()).isEqualTo(1);
        assertThat(mini.any()).isTrue();
        assertThat(other.find(A)).isNull();
        assertThat(other.count()).isZero();
        assertThat(other.any()).isFalse();
    }

    @StoreTest
    void savingAgainReplacesTheVectorAndItsHash(Database db) {
        new PaperStore(db.jdbi()).upsert(List.of(paper("2608.00001").update()), "test");
        PaperVectors vectors = new PaperVectors(db.jdbi(), "mini");
        vectors.save(Map.of(A, new PaperVectors.Stored(1, new float[] {1, 0})));

        vectors.save(Map.of(A, new PaperVectors.Stored(2, new float[] {0, 1})));

        assertThat(vectors.find(A)).containsExactly(0f, 1f);
        assertThat(vectors.find(List.of(A)).get(A.value()).textHash()).isEqualTo(2);
        assertThat(vectors.count()).isEqualTo(1);
    }

    @org.junit.jupiter.api.Test
    void theTextHashTellsTextsApart() {
        assertThat(PaperVectors.hash("Attention is all you need"))
                .isEqualTo(PaperVectors.hash("Attention is all you need"))
                .isNotEqualTo(PaperVectors.hash("Attention is all you need."));
    }
}
