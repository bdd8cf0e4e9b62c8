package paperboy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paperboy.config.Config;
import paperboy.config.ConfigException;
import paperboy.search.PaperIndex;

/** How {@link App} opens and closes its parts. */
class AppTest {

    @Test
    void aStepThatFailsAfterTheIndexOpenedClosesTheIndexAndTheStore(@TempDir Path data) throws IOException {
        Config config = new Config(0, data, null, false);
        // The feature rule is made after the store and the index are open.
        Config broken = config.withArxiv(config.arxiv().withFeatureRule(List.of(), "title:(unclosed"));

        assertThatThrownBy(() -> new App(broken)).isInstanceOf(ConfigException.class);

        // An index left open would still hold its write lock in this JVM.
        new PaperIndex(config.indexDir()).close();
        try (App app = new App(config)) {
            assertThat(app.papers().count()).isZero();
        }
    }
}
