package paperboy.harvest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paperboy.App;
import paperboy.config.Config;
import paperboy.harvest.FakeArxiv.Reply;

/** The scheduled harvest's work, as {@code serve} runs it each day, counts each set's outcome in the metrics. */
class ScheduledHarvestMetricsTest {
    @TempDir
    Path data;

    private final FakeArxiv arxiv = new FakeArxiv();

    ScheduledHarvestMetricsTest() throws IOException {}

    @AfterEach
    void stop() {
        arxiv.close();
    }

    private App app() {
        Config config = new Config(0, data, null, false);
        return new App(config.withArxiv(config.arxiv().withOaiUrl(arxiv.oaiBase()).withDelay(Duration.ZERO)
                .withContact("mailto:ops@example.org")));
    }

    @Test
    void aHarvestThatRanIsCountedDoneWithItsRecords() throws IOException {
        arxiv.then(Reply.resource(Fixtures.OAI_RAW_PAGE_WITH_TOKEN), Reply.resource(Fixtures.OAI_LAST_PAGE));
        try (App app = app()) {
            app.harvestSets(app.harvester(), List.of("cs"), () -> false);

            assertThat(app.metrics().scrape())
                    .contains("paperboy_harvest_runs_total{outcome=\"done\"} 1.0")
                    .contains("paperboy_harvest_runs_total{outcome=\"failed\"} 0.0")
                    .contains("paperboy_harvest_records_total{outcome=\"stored\"} 8.0");
        }
    }

    @Test
    void aHarvestThatFailedIsCountedFailed() throws IOException {
        arxiv.then(Reply.resource(Fixtures.BAD_ARGUMENT));
        try (App app = app()) {
            assertThatThrownBy(() -> app.harvestSets(app.harvester(), List.of("cs", "math"), () -> false))
                    .isInstanceOf(IOException.class);

            assertThat(app.metrics().scrape())
                    .contains("paperboy_harvest_runs_total{outcome=\"done\"} 0.0")
                    .contains("paperboy_harvest_runs_total{outcome=\"failed\"} 1.0");
        }
    }
}
