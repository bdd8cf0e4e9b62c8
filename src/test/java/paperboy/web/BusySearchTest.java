package paperboy.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paperboy.FixtureServer;
import paperboy.config.SearchSettings;
import paperboy.search.FullPool;

/**
 * Searches that run out of time or find every search thread taken, against the real server with a
 * search budget that is spent before any search starts: results come with a notice, and a search
 * refused for want of a thread is a 503 with Retry-After while other pages are served as usual.
 */
class BusySearchTest {
    @TempDir
    static Path data;
    static FixtureServer server;

    @BeforeAll
    static void start() throws IOException {
        server = FixtureServer.start(data, SearchSettings.KEYWORDS_ONLY.withTimeout(Duration.ZERO));
    }

    @AfterAll
    static void stop() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aSearchOutOfTimeShowsWhatItFoundWithANotice() {
        HttpResponse<String> page = server.get("/search?q=attention");
        HttpResponse<String> api = server.get("/api/papers/search?q=attention");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Search stopped after 0 ms; results may be incomplete.");
        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(api.headers().firstValue("X-Search-Incomplete")).hasValue("true");
        assertThat(api.headers().firstValue("X-Search-Notice")).hasValue("Search stopped after 0 ms; results may be incomplete.");
    }

    @Test
    void withEverySearchThreadTakenSearchesAre503sAndOtherPagesAreServed() throws InterruptedException {
        try (FullPool full = FullPool.of(server.app().searchPool())) {
            HttpResponse<String> page = server.get("/search?q=attention");
            HttpResponse<String> api = server.get("/api/papers/search?q=attention");
            HttpResponse<String> like = server.get("/search?like=attention+over+long+documents");

            assertThat(page.statusCode()).isEqualTo(503);
            assertThat(page.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
            assertThat(page.body()).contains("Too many searches are running right now");
            assertThat(api.statusCode()).isEqualTo(503);
            assertThat(api.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(FixtureServer.json(api).path("error").asText()).startsWith("Too many searches are running right now");
            assertThat(like.statusCode()).isEqualTo(503);
            assertThat(server.get("/healthz").statusCode()).isEqualTo(200);
            assertThat(server.get("/").statusCode()).isEqualTo(200);
            assertThat(server.get("/papers/2405.15738").statusCode()).isEqualTo(200);
        }
        assertThat(server.get("/search?q=attention").statusCode()).isEqualTo(200);
    }
}
