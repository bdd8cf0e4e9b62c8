package paperboy.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paperboy.Fixtures;
import paperboy.db.Database;
import paperboy.ingest.ImportLog;
import paperboy.ingest.Importer;
import paperboy.paper.ArxivId;
import paperboy.paper.PaperStore;

/** Embeddings off is an object, {@link Semantic#off()}: everything works by words and says so. */
class SemanticOffTest {

    @Test
    void offHasNoModelAndSaysSoInsteadOfGivingNull() {
        assertThat(Semantic.off().isOn()).isFalse();
        assertThatThrownBy(() -> Semantic.off().embedder()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Semantic.off().vectors()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new Semantic(TestEmbedder.shared(), (PaperVectors) null, Semantic.VectorFormat.INT8, Fusion.ReciprocalRank.DEFAULT,
                SimilarityFloor.NONE, java.util.List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anIndexWithEmbeddingsOffSearchesByWordsAndItsWorkerHasNothingToDo(@TempDir Path dir) throws IOException {
        try (Database db = Database.open("jdbc:sqlite:" + dir.resolve("p.db"))) {
            PaperStore store = new PaperStore(db.jdbi());
            new Importer(new ImportLog(db.jdbi(), store, Clock.systemUTC()), new PrintStream(OutputStream.nullOutputStream()))
                    .importPaths(List.of(Fixtures.copy("hf-days", dir)));
            try (PaperIndex index = new PaperIndex(dir.resolve("index"), Semantic.off())) {
                index.catchUp(store);
                EmbeddingWorker worker = new EmbeddingWorker(store, index, Semantic.off(), Clock.systemUTC());

                assertThat(worker.isOn()).isFalse();
                assertThat(worker.embedPending()).isZero();
                assertThat(index.hasVectors()).isFalse();
                assertThat(index.related(ArxivId.parse("2405.15738"), 5)).isEmpty();
                SearchResults semantic = index.search(new SearchRequest("ConvLLaVA", SearchRequest.Mode.SEMANTIC, null, null, 0, 5));
                assertThat(semantic.mode()).isEqualTo(SearchRequest.Mode.KEYWORD);
                assertThat(semantic.notice()).contains("turned off");
                assertThat(semantic.hits()).extracting(SearchResults.Hit::id).containsExactly(ArxivId.parse("2405.15738"));
                assertThat(index.search(new SearchRequest("ConvLLaVA", 0, 5)).mode()).isEqualTo(SearchRequest.Mode.KEYWORD);
                assertThat(index.searchLike("hierarchical backbones as visual encoder", SearchFilters.NONE, 0, 5).mode())
                        .isEqualTo(SearchRequest.Mode.KEYWORD);
            }
        }
    }
}
