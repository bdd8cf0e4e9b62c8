package paperboy.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paperboy.FixtureServer;
import paperboy.config.MetricsSettings;

/** {@code /metrics} with {@code PAPERBOY_METRICS_TOKEN} set, and with {@code PAPERBOY_METRICS=off}, on the real server. */
class MetricsTokenTest {
    static final String TOKEN = "k9-metrics-reader-2c1f";

    static HttpResponse<String> get(FixtureServer server, String host, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + host + ":" + server.port() + "/metrics")).GET();
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void withATokenOnlyWhoPresentsItReads(@TempDir Path data) throws Exception {
        try (FixtureServer server = FixtureServer.start(data, new MetricsSettings(true, TOKEN))) {
            HttpResponse<String> none = get(server, "127.0.0.1");
            assertThat(none.statusCode()).as("even from loopback").isEqualTo(401);
            assertThat(none.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
            assertThat(none.body()).doesNotContain("jvm_").doesNotContain(TOKEN);

            assertThat(get(server, "127.0.0.1", "Authorization", "Bearer " + TOKEN + "x").statusCode()).isEqualTo(401);
            assertThat(get(server, "127.0.0.1", "Authorization", "Bearer " + TOKEN.substring(1)).statusCode()).isEqualTo(401);
            assertThat(get(server, "127.0.0.1", "Authorization", "Basic " + TOKEN).statusCode()).isEqualTo(401);
            assertThat(get(server, "127.0.0.1", "Authorization", TOKEN).statusCode()).isEqualTo(401);

            HttpResponse<String> with = get(server, "127.0.0.1", "Authorization", "Bearer " + TOKEN);
            assertThat(with.statusCode()).isEqualTo(200);
            assertThat(with.body()).contains("jvm_threads_live_threads");
            // through a proxy too: the token is the rule
            assertThat(get(server, "127.0.0.1", "Authorization", "Bearer " + TOKEN, "X-Forwarded-For", "203.0.113.7")
                    .statusCode()).isEqualTo(200);
        }
    }

    @Test
    void withATokenAClientOnAnotherAddressReadsToo(@TempDir Path data) throws Exception {
        var own = MetricsRoutesTest.nonLoopbackAddress();
        org.junit.jupiter.api.Assumptions.assumeTrue(own.isPresent(), "this machine has no address but loopback");
        try (FixtureServer server = FixtureServer.start(data, new MetricsSettings(true, TOKEN))) {
            String host = own.get().getHostAddress();
            assertThat(get(server, host).statusCode()).isEqualTo(401);
            assertThat(get(server, host, "Authorization", "Bearer " + TOKEN).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void offServesNoMetrics(@TempDir Path data) throws Exception {
        try (FixtureServer server = FixtureServer.start(data, new MetricsSettings(false, null))) {
            assertThat(server.get("/").statusCode()).isEqualTo(200);

            HttpResponse<String> response = get(server, "127.0.0.1");

            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.body()).doesNotContain("http_server_requests");
            assertThat(server.app().metrics().isOn()).isFalse();
            assertThat(server.app().metrics().scrape()).isEmpty();
        }
    }
}
