package paperboy.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code PAPERBOY_METRICS} and {@code PAPERBOY_METRICS_TOKEN}. */
class MetricsSettingsTest {
    private static MetricsSettings metrics(Map<String, String> env) {
        return new ConfigLoader(env).load().metrics();
    }

    @Test
    void onWithoutATokenByDefault() {
        assertThat(metrics(Map.of())).isEqualTo(new MetricsSettings(true, null));
        assertThat(metrics(Map.of("PAPERBOY_METRICS_TOKEN", "  ")).hasToken()).isFalse();
    }

    @Test
    void readsBothKeys() {
        MetricsSettings settings = metrics(Map.of("PAPERBOY_METRICS", "off", "PAPERBOY_METRICS_TOKEN", " s3cret "));

        assertThat(settings.on()).isFalse();
        assertThat(settings.token()).isEqualTo("s3cret");
    }

    @Test
    void theTokenNeverShowsInTheConfigsText() {
        Config config = new ConfigLoader(Map.of("PAPERBOY_METRICS_TOKEN", "s3cret")).load();

        assertThat(config.toString()).doesNotContain("s3cret").contains("token=(set)");
    }

    @Test
    void anInvalidSwitchNamesItsKey() {
        assertThatThrownBy(() -> metrics(Map.of("PAPERBOY_METRICS", "maybe")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("PAPERBOY_METRICS");
    }
}
