package paperboy.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paperboy.App;
import paperboy.config.Config;

/** The import {@code serve} runs itself, the bundled sample into an empty store, counted by outcome. */
class SampleImportMetricsTest {
    @Test
    void theSampleImportIsCountedWithItsPapers(@TempDir Path data) throws IOException {
        try (App app = new App(new Config(0, data, null, true))) {
            app.loadSampleIfEmpty();
            Scrape scrape = Scrape.parse(app.metrics().scrape());

            assertThat(scrape.value("paperboy_import_runs_total", "outcome", "done")).isEqualTo(1);
            assertThat(scrape.value("paperboy_import_runs_total", "outcome", "failed")).isZero();
            assertThat(scrape.value("paperboy_import_papers_total", "outcome", "imported")).isEqualTo(app.papers().count());
            assertThat(scrape.value("paperboy_import_papers_total", "outcome", "skipped")).isZero();
        }
    }
}
