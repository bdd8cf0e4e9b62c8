package paperboy.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The arXiv settings read from {@code PAPERBOY_*} variables. */
class ConfigLoaderTest {
    private static ArxivSettings arxiv(Map<String, String> env) {
        return new ConfigLoader(env).load().arxiv();
    }

    @Test
    void defaultsToArxivsEndpointsThreeSecondsApartNoContactAndNoScheduledHarvest() {
        ArxivSettings a = arxiv(Map.of());

        assertThat(a.oaiUrl()).isEqualTo(URI.create("https://oaipmh.arxiv.org/oai"));
        assertThat(a.apiUrl()).isEqualTo(URI.create("https://export.arxiv.org/api/query"));
        assertThat(a.delay()).isEqualTo(Duration.ofSeconds(3));
        assertThat(a.contact()).isNull();
        assertThat(a.harvestSets()).isEmpty();
        assertThat(a.harvestAt()).isEqualTo(LocalTime.of(2, 0));
        assertThat(a.autoFeature()).isFalse();
        assertThat(new Config(0, Path.of("data"), null, false).arxiv()).isEqualTo(a);
    }

    @Test
    void readsEveryKey() {
        ArxivSettings a = arxiv(Map.of(
                "PAPERBOY_OAI_URL", "http://localhost:8080/oai",
                "PAPERBOY_ARXIV_API_URL", "http://localhost:8080/api/query",
                "PAPERBOY_ARXIV_DELAY", "0.5",
                "PAPERBOY_CONTACT", " mailto:ops@example.org ",
                "PAPERBOY_HARVEST_SETS", "cs, stat,,",
                "PAPERBOY_HARVEST_AT", "03:30",
                "PAPERBOY_FEATURE_CATEGORIES", "cs.CL,cs.LG",
                "PAPERBOY_FEATURE_QUERY", "retrieval augmented"));

        assertThat(a).isEqualTo(new ArxivSettings(URI.create("http://localhost:8080/oai"),
                URI.create("http://localhost:8080/api/query"), Duration.ofMillis(500), "mailto:ops@example.org",
                List.of("cs", "stat"), LocalTime.of(3, 30), List.of("cs.CL", "cs.LG"), "retrieval augmented"));
        assertThat(a.requireContact()).isEqualTo("mailto:ops@example.org");
    }

    @Test
    void aMissingContactIsRefusedWhenArxivIsToBeAskedAndNamesTheKey() {
        assertThatThrownBy(() -> arxiv(Map.of()).requireContact())
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("PAPERBOY_CONTACT is not set");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "PAPERBOY_ARXIV_DELAY   | -1        | invalid PAPERBOY_ARXIV_DELAY=-1",
        "PAPERBOY_ARXIV_DELAY   | soon      | invalid PAPERBOY_ARXIV_DELAY=soon",
        "PAPERBOY_HARVEST_AT    | 2am       | invalid PAPERBOY_HARVEST_AT=2am",
        "PAPERBOY_HARVEST_AT    | 25:00     | invalid PAPERBOY_HARVEST_AT=25:00",
        "PAPERBOY_OAI_URL       | ftp://x/y | invalid PAPERBOY_OAI_URL=ftp://x/y",
        "PAPERBOY_ARXIV_API_URL | not a url | invalid PAPERBOY_ARXIV_API_URL=not a url",
        "PAPERBOY_EMBEDDINGS    | maybe     | invalid PAPERBOY_EMBEDDINGS=maybe",
        "PAPERBOY_VECTOR_FORMAT | int4      | invalid PAPERBOY_VECTOR_FORMAT=int4",
        "PAPERBOY_FUSION        | weighted:2 | invalid PAPERBOY_FUSION=weighted:2",
        "PAPERBOY_FUSION        | max       | invalid PAPERBOY_FUSION=max",
        "PAPERBOY_SIMILARITY_FLOOR | high   | invalid PAPERBOY_SIMILARITY_FLOOR=high",
        "PAPERBOY_SIMILARITY_FLOOR | 1.5    | invalid PAPERBOY_SIMILARITY_FLOOR=1.5",
        "PAPERBOY_LOG_LEVEL     | LOUD      | invalid PAPERBOY_LOG_LEVEL=LOUD: expected one of TRACE, DEBUG, INFO, WARN, ERROR, OFF",
        "PAPERBOY_SEARCH_TIMEOUT_MS | 0     | invalid PAPERBOY_SEARCH_TIMEOUT_MS=0",
        "PAPERBOY_SEARCH_TIMEOUT_MS | 2s    | invalid PAPERBOY_SEARCH_TIMEOUT_MS=2s",
        "PAPERBOY_BASE_URL      | papers.example.org | invalid PAPERBOY_BASE_URL=papers.example.org",
        "PAPERBOY_BASE_URL      | ftp://papers.example.org | invalid PAPERBOY_BASE_URL=ftp://papers.example.org",
        "PAPERBOY_BASE_URL      | https://papers.example.org/?x=1 | invalid PAPERBOY_BASE_URL=https://papers.example.org/?x=1",
        "PAPERBOY_BASE_URL      | https://papers.example.org/#top | invalid PAPERBOY_BASE_URL=https://papers.example.org/#top"})
    void badValuesAreRefusedNamingTheKey(String key, String value, String message) {
        assertThatThrownBy(() -> arxiv(Map.of(key, value)))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(message);
    }

    @Test
    void sessionsLastAWeekIdleAndAMonthInAllUnlessTold() {
        assertThat(new ConfigLoader(Map.of()).load().accounts()).isEqualTo(AccountSettings.DEFAULTS);
        AccountSettings set = new ConfigLoader(Map.of("PAPERBOY_SESSION_IDLE_HOURS", "12", "PAPERBOY_SESSION_MAX_DAYS", "3"))
                .load().accounts();
        assertThat(set).isEqualTo(new AccountSettings(Duration.ofHours(12), Duration.ofDays(3)));
        assertThatThrownBy(() -> new ConfigLoader(Map.of("PAPERBOY_SESSION_IDLE_HOURS", "0")).load())
                .isInstanceOf(ConfigException.class).hasMessageContaining("PAPERBOY_SESSION_IDLE_HOURS");
        assertThatThrownBy(() -> new ConfigLoader(Map.of("PAPERBOY_SESSION_MAX_DAYS", "a month")).load())
                .isInstanceOf(ConfigException.class).hasMessageContaining("PAPERBOY_SESSION_MAX_DAYS");
    }

    @Test
    void cookiesAreSecureOnlyWhenTheSiteIsHttps() {
        assertThat(new ConfigLoader(Map.of("PAPERBOY_BASE_URL", "https://papers.example.org")).load().httpsOnly()).isTrue();
        assertThat(new ConfigLoader(Map.of("PAPERBOY_BASE_URL", "http://papers.example.org")).load().httpsOnly()).isFalse();
        assertThat(new ConfigLoader(Map.of()).load().httpsOnly()).isFalse();
    }

    @Test
    void searchDefaultsToEmbeddingsOnWithQuantisedVectorsAndBgeSmallWithItsTunedFusionAndFloor() {
        SearchSettings search = new ConfigLoader(Map.of()).load().search();

        assertThat(search).isEqualTo(new SearchSettings(true, "int8", "weighted:0.3", 0.6, Duration.ofSeconds(2), "bge-small"));
    }

    @Test
    void miniLmBringsItsOwnTunedFusionAndFloorAndSetValuesWinOverEitherModels() {
        SearchSettings minilm = new ConfigLoader(Map.of("PAPERBOY_EMBEDDING_MODEL", "MiniLM")).load().search();
        assertThat(minilm).isEqualTo(new SearchSettings(true, "int8", "weighted:0.5", 0.25, Duration.ofSeconds(2), "minilm"));

        SearchSettings set = new ConfigLoader(Map.of("PAPERBOY_EMBEDDING_MODEL", "minilm", "PAPERBOY_FUSION", "rrf:20",
                "PAPERBOY_SIMILARITY_FLOOR", "0.4")).load().search();
        assertThat(set.fusion()).isEqualTo("rrf:20");
        assertThat(set.similarityFloor()).isEqualTo(0.4);
        assertThat(new ConfigLoader(Map.of("PAPERBOY_SIMILARITY_FLOOR", "0.1")).load().search().similarityFloor()).isEqualTo(0.1);
    }

    @Test
    void embeddingsCanBeTurnedOffAndTheFormatAndFusionChosen() {
        SearchSettings search = new ConfigLoader(Map.of("PAPERBOY_EMBEDDINGS", "off", "PAPERBOY_VECTOR_FORMAT", "INT8",
                "PAPERBOY_FUSION", "weighted:0.4:zscore", "PAPERBOY_SEARCH_TIMEOUT_MS", "750")).load().search();

        assertThat(search).isEqualTo(new SearchSettings(false, "int8", "weighted:0.4:zscore",
                SearchSettings.DEFAULT_TUNING.similarityFloor(), Duration.ofMillis(750)));
    }

    @Test
    void theEmbeddingModelIsMiniLmOrBgeSmall() {
        assertThat(new ConfigLoader(Map.of()).load().search().embeddingModel()).isEqualTo(SearchSettings.DEFAULT_EMBEDDING_MODEL);
        assertThat(new ConfigLoader(Map.of("PAPERBOY_EMBEDDING_MODEL", " BGE-Small ")).load().search().embeddingModel())
                .isEqualTo("bge-small");
        assertThat(new ConfigLoader(Map.of("PAPERBOY_EMBEDDING_MODEL", "minilm")).load().search().embeddingModel())
                .isEqualTo("minilm");
        assertThatThrownBy(() -> new ConfigLoader(Map.of("PAPERBOY_EMBEDDING_MODEL", "bge-large")).load())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("PAPERBOY_EMBEDDING_MODEL");
    }

    @Test
    void theSimilarityFloorDefaultsToTheCalibratedOneAndCanBeSet() {
        assertThat(new ConfigLoader(Map.of()).load().search().similarityFloor())
                .isEqualTo(SearchSettings.DEFAULT_TUNING.similarityFloor());
        assertThat(new ConfigLoader(Map.of("PAPERBOY_SIMILARITY_FLOOR", " -1 ")).load().search().similarityFloor())
                .isEqualTo(-1.0);
    }

    @Test
    void theLogLevelIsReadFromTheConfigFileAndTheEnvironmentWins(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("paperboy.properties");
        Files.writeString(file, "PAPERBOY_LOG_LEVEL=debug\n");

        assertThat(new ConfigLoader(Map.of()).logLevel()).isEqualTo("INFO");
        assertThat(new ConfigLoader(Map.of("PAPERBOY_CONFIG", file.toString())).logLevel()).isEqualTo("DEBUG");
        assertThat(new ConfigLoader(Map.of("PAPERBOY_CONFIG", file.toString(), "PAPERBOY_LOG_LEVEL", "warn")).logLevel())
                .isEqualTo("WARN");
    }

    @ParameterizedTest
    @CsvSource({
            "https://papers.example.org, https://papers.example.org",
            "https://papers.example.org/, https://papers.example.org",
            "http://example.org:8080/paperboy/, http://example.org:8080/paperboy"})
    void theBaseUrlIsAnHttpUrlWithoutItsTrailingSlash(String raw, String expected) {
        assertThat(new ConfigLoader(Map.of("PAPERBOY_BASE_URL", raw)).load().baseUrl()).isEqualTo(URI.create(expected));
    }

    @Test
    void withoutABaseUrlLinksTakeTheRequestsHost() {
        assertThat(new ConfigLoader(Map.of()).load().baseUrl()).isNull();
    }

    @ParameterizedTest
    @CsvSource({"papers.example.org", "ftp://example.org", "https://example.org/?x=1", "https://example.org/#top",
            "https://user@example.org", "https://exa mple.org"})
    void aBaseUrlThatIsNoHttpAddressStopsTheStartNamingTheKey(String raw) {
        assertThatThrownBy(() -> new ConfigLoader(Map.of("PAPERBOY_BASE_URL", raw)).load())
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("invalid PAPERBOY_BASE_URL=" + raw)
                .hasMessageContaining("an http(s) URL");
    }

    @Test
    void theBaseUrlIsUnsetByDefaultAndLosesItsTrailingSlash() {
        assertThat(new ConfigLoader(Map.of()).load().baseUrl()).isNull();
        assertThat(new ConfigLoader(Map.of("PAPERBOY_BASE_URL", " https://papers.example.org/ ")).load().baseUrl())
                .isEqualTo(URI.create("https://papers.example.org"));
        assertThat(new ConfigLoader(Map.of("PAPERBOY_BASE_URL", "http://example.org:8080/paperboy")).load().baseUrl())
                .isEqualTo(URI.create("http://example.org:8080/paperboy"));
    }
}
