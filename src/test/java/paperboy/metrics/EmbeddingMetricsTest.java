package paperboy.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paperboy.FixtureServer;

/** The embedder's gauges while embedding is under way (13 of the 236 fixture papers have vectors), on the real server. */
class EmbeddingMetricsTest {
    @Test
    void tellsTheBacklogAndWhatIsEmbedded(@TempDir Path data) throws IOException {
        try (FixtureServer server = FixtureServer.startPartlyEmbedded(data)) {
            Scrape scrape = Scrape.parse(server.get("/metrics").body());

            assertThat(scrape.value("paperboy_embedding_embedded")).isEqualTo(13);
            assertThat(scrape.value("paperboy_embedding_backlog")).isEqualTo(236 - 13);
            assertThat(scrape.value("paperboy_embedding_rate")).as("no run in progress").isZero();
            assertThat(scrape.value("paperboy_index_vectors")).isEqualTo(13);
            assertThat(scrape.value("paperboy_index_papers")).isEqualTo(236);
        }
    }
}
