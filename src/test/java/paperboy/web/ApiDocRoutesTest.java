package paperboy.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paperboy.FixtureServer;
import paperboy.RawHttp;
import paperboy.apidoc.ApiDocument;

/** {@code /api/openapi.json} as served (JSON, ETag, 304) and {@code /api}, the page made from it. */
class ApiDocRoutesTest {
    @TempDir
    static Path data;
    static FixtureServer server;
    static ApiDocument document;

    @BeforeAll
    static void start() throws IOException {
        server = FixtureServer.start(data);
        document = ApiDocument.load(new ObjectMapper());
    }

    @AfterAll
    static void stop() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void servesTheDocumentAsJsonWithCachingHeaders() {
        HttpResponse<String> response = server.get("/api/openapi.json");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("public, max-age=3600");
        assertThat(response.headers().firstValue("ETag")).hasValue(document.etag());
        assertThat(FixtureServer.json(response)).isEqualTo(document.tree());
    }

    @Test
    void aCopyOfTheSameVersionIsNotSentAgain() {
        RawHttp.Answer same = RawHttp.request(server.port(), "GET", "/api/openapi.json", "If-None-Match: " + document.etag() + "\r\n");
        assertThat(same.status()).isEqualTo(304);
        assertThat(same.body()).isEmpty();
        RawHttp.Answer other = RawHttp.request(server.port(), "GET", "/api/openapi.json", "If-None-Match: \"0000\"\r\n");
        assertThat(other.status()).isEqualTo(200);
    }

    @Test
    void headAnswersWithTheContentType() {
        RawHttp.Answer head = RawHttp.request(server.port(), "HEAD", "/api/openapi.json");
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.contentType()).startsWith("application/json");
    }

    @Test
    void thePageShowsEveryEndpointSchemaAndExample() {
        HttpResponse<String> response = server.get("/api");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        String page = response.body();
        JsonNode tree = document.tree();
        tree.path("paths").properties().forEach(path -> assertThat(page).contains("<code>" + path.getKey() + "</code>"));
        tree.path("components").path("schemas").properties().forEach(s -> assertThat(page).contains("id=\"schema-" + s.getKey() + "\""));
        assertThat(page).contains("href=\"#schema-Paper\"", "href=\"/api/openapi.json\"", "q</code> <span class=\"api-required\">required");
        String origin = "http://localhost:" + server.port();
        assertThat(page).contains("curl -i '" + origin + "/api/papers/search?q=attention&amp;limit=2'",
                "curl -i '" + origin + "/api/papers/not-an-id'");
        assertThat(page).contains("integer, 1 to 120, default 50", "array of DailyItem");
    }

    @Test
    void thePageLoadsNothingFromElsewhere() {
        String page = server.get("/api").body();
        assertThat(page).doesNotContain("<script").doesNotContainPattern("(src|href)=\"(https?:)?//");
    }
}
