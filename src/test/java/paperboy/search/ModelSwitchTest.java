package paperboy.search;

import static org.assertj.core.api.Assertions.assertThat;
import static paperboy.paper.PaperBuilder.paper;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import paperboy.db.Database;
import paperboy.db.StoreTest;
import paperboy.paper.ArxivId;
import paperboy.paper.Change;
import paperboy.paper.PaperStore;

/**
 * A change of embedding model, on SQLite and PostgreSQL: vectors are kept per model, the old
 * model answers searches (its vectors, its query embedding) until the new one has a vector for
 * every paper, then the new one does, with no rebuild of the index. Five short papers, so that
 * embedding them with both models takes little time.
 */
class ModelSwitchTest {
    @TempDir
    Path dir;
    private static final List<String> TITLES = List.of(
            "Sparse attention for long documents",
            "Protein structure prediction with deep learning",
            "Soil erosion after heavy rainfall",
            "Speculative decoding for language models",
            "Black hole thermodynamics and strings");

    private static Semantic minilm(Database db) {
        return new Semantic(TestEmbedder.shared(), db.jdbi(), Semantic.VectorFormat.FLOAT32, Fusion.ReciprocalRank.DEFAULT)
                .withFloor(SimilarityFloor.NONE).withOthers(List.of(TestEmbedder.bge()));
    }

    private static Semantic bge(Database db) {
        return new Semantic(TestEmbedder.bge(), db.jdbi(), Semantic.VectorFormat.FLOAT32, Fusion.ReciprocalRank.DEFAULT)
                .withFloor(SimilarityFloor.NONE).withOthers(List.of(TestEmbedder.shared()));
    }

    private static int semanticHits(PaperIndex index) {
        return index.search(new SearchRequest("attention over long texts", SearchRequest.Mode.SEMANTIC, SearchFilters.NONE,
                SearchRequest.Sort.RELEVANCE, 0, 20)).hits().size();
    }

    @StoreTest
    void theOldModelAnswersWithItsOwnTunedFusionAndFloorUnlessOthersWereChosen(Database db) {
        // bge-small's floor on MiniLM's cosines would leave it almost nothing while bge-small embeds
        Semantic tuned = new Semantic(TestEmbedder.bge(), db.jdbi()).withOthers(List.of(TestEmbedder.shared()));
        Semantic old = tuned.answeringWith(TestEmbedder.shared().modelKey());
        assertThat(old.embedder()).isSameAs(TestEmbedder.shared());
        assertThat(old.floor()).isEqualTo(SimilarityFloor.tunedFor(EmbeddingModel.MINILM));
        assertThat(old.fusion()).isEqualTo(Fusion.tunedFor(EmbeddingModel.MINILM));
        assertThat(tuned.floor()).isNotEqualTo(old.floor());

        Semantic chosen = bge(db); // RRF and no floor, chosen by the operator: the old model keeps them
        Semantic oldChosen = chosen.answeringWith(TestEmbedder.shared().modelKey());
        assertThat(oldChosen.floor()).isEqualTo(SimilarityFloor.NONE);
        assertThat(oldChosen.fusion()).isEqualTo(Fusion.ReciprocalRank.DEFAULT);
    }

    @StoreTest
    void theOldModelAnswersUntilTheNewOneHasEveryPaperThenTheNewOneDoes(Database db) throws IOException {
        PaperStore store = new PaperStore(db.jdbi());
        for (int i = 0; i < TITLES.size(); i++) {
            store.upsert(List.of(paper("2608.0000" + (i + 1)).title(TITLES.get(i)).summary(TITLES.get(i) + ".").update()), "test");
        }
        Path folder = dir.resolve("index");
        Semantic before = minilm(db);
        try (PaperIndex index = new PaperIndex(folder, before)) {
            index.catchUp(store);
            assertThat(new EmbeddingWorker(store, index, before, Clock.systemUTC()).embedPending()).isEqualTo(5);
            assertThat(index.answeringModel()).isSameAs(TestEmbedder.shared());
            assertThat(index.modelSwitch()).isEmpty();
        }

        Semantic after = bge(db);
        try (PaperIndex index = new PaperIndex(folder, after)) {
            assertThat(index.catchUp(store)).as("no rebuild when the model changes").isZero();
            assertThat(index.answeringModel()).isSameAs(TestEmbedder.shared());
            assertThat(index.vectorPosition()).isEqualTo(Change.Position.START); // the new model starts from the beginning
            assertThat(semanticHits(index)).isEqualTo(5);

            // The new model's vectors for two papers: the old model still answers, over all five.
            List<Change> changes = store.changesSince(Change.Position.START, 10);
            List<ArxivId> two = changes.subList(0, 2).stream().map(c -> c.paper().id()).toList();
            after.vectors().save(Map.of(
                    two.get(0), stored(after, changes.get(0)),
                    two.get(1), stored(after, changes.get(1))));
            index.addVectors(store, two, changes.get(1).position());
            assertThat(index.answeringModel()).isSameAs(TestEmbedder.shared());
            assertThat(semanticHits(index)).isEqualTo(5); // searching the new model's field would find 2
            assertThat(index.modelSwitch()).hasValueSatisfying(s -> {
                assertThat(s.embedded()).isEqualTo(2);
                assertThat(s.papers()).isEqualTo(5);
                assertThat(s.coming()).startsWith("bge-small-en-v1.5");
                assertThat(s.answering()).startsWith("all-MiniLM-L6-v2");
            });
            EmbeddingWorker worker = new EmbeddingWorker(store, index, after, Clock.systemUTC());
            assertThat(worker.progress().switching()).isTrue();
            assertThat(worker.progress().answering()).startsWith("all-MiniLM-L6-v2");

            // The rest: the worker goes on from there, and at the end the new model answers.
            assertThat(worker.embedPending()).isEqualTo(3);
            assertThat(index.answeringModel()).isSameAs(TestEmbedder.bge());
            assertThat(index.modelSwitch()).isEmpty();
            assertThat(worker.progress().switching()).isFalse();
            assertThat(semanticHits(index)).isEqualTo(5);
            assertThat(new PaperVectors(db.jdbi(), TestEmbedder.shared().modelKey()).count())
                    .as("the old model's vectors stay, for a switch back").isEqualTo(5);
        }

        try (PaperIndex index = new PaperIndex(folder, after)) {
            assertThat(index.answeringModel()).as("after a restart").isSameAs(TestEmbedder.bge());
            assertThat(index.catchUp(store)).isZero();
        }
    }

    @StoreTest
    void theFirstModelOfAnIndexAnswersAsSoonAsItHasVectors(Database db) throws IOException {
        PaperStore store = new PaperStore(db.jdbi());
        store.upsert(List.of(paper("2608.00001").title(TITLES.getFirst()).summary("On attention.").update()), "test");
        Semantic semantic = bge(db);
        try (PaperIndex index = new PaperIndex(dir.resolve("first"), semantic)) {
            index.catchUp(store);
            assertThat(index.answeringModel()).isSameAs(TestEmbedder.bge());
            new EmbeddingWorker(store, index, semantic, Clock.systemUTC()).embedPending();
            assertThat(index.vectorModel()).isEqualTo(TestEmbedder.bge().modelKey());
            assertThat(index.modelSwitch()).isEmpty();
            assertThat(semanticHits(index)).isEqualTo(1);
        }
    }

    private static PaperVectors.Stored stored(Semantic semantic, Change change) {
        String text = PaperText.of(change.paper());
        return new PaperVectors.Stored(PaperVectors.hash(text), semantic.embedder().embed(text));
    }
}
