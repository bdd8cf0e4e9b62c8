package paperboy.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paperboy.FixtureServer;
import paperboy.paper.ArxivId;
import paperboy.paper.Paper;
import paperboy.paper.PaperUpdate;

/**
 * {@code /metrics} on the real server with the fixture days, read back as a scraper reads it: the
 * series by route template and status, searches by mode, the index's gauges, the JVM's, and the
 * loopback rule (no token set). Each test compares counts before and after its own requests.
 */
class MetricsRoutesTest {
    static final String FEATURED_PAPER = "2405.15738";
    static final String MISSING_PAPER = "2405.15739";

    @TempDir
    static Path data;
    static FixtureServer server;

    @BeforeAll
    static void start() throws IOException {
        server = FixtureServer.start(data);
    }

    @AfterAll
    static void stop() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    static Scrape scrape() {
        HttpResponse<String> response = server.get("/metrics");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Scrape.parse(response.body());
    }

    /** A counter's value, 0 when the series does not exist yet. */
    static double count(Scrape scrape, String name, String... labels) {
        return scrape.find(name, labels).stream().mapToDouble(Scrape.Sample::value).sum();
    }

    @Test
    void countsRequestsByRouteTemplateAndStatus() {
        String name = "http_server_requests_seconds_count";
        Scrape before = scrape();

        for (int i = 0; i < 3; i++) {
            assertThat(server.get("/papers/" + FEATURED_PAPER).statusCode()).isEqualTo(200);
        }
        assertThat(server.get("/papers/" + MISSING_PAPER).statusCode()).isEqualTo(404);
        Scrape after = scrape();

        String[] ok = {"method", "GET", "route", "/papers/<id>", "status", "200"};
        String[] missing = {"method", "GET", "route", "/papers/<id>", "status", "404"};
        assertThat(count(after, name, ok) - count(before, name, ok)).isEqualTo(3);
        assertThat(count(after, name, missing) - count(before, name, missing)).isEqualTo(1);
        // each series has its latency histogram: a bucket that counts everything, and the sum
        assertThat(after.value("http_server_requests_seconds_bucket", "route", "/papers/<id>", "status", "200", "le", "+Inf"))
                .isEqualTo(after.value(name, ok));
        assertThat(after.find("http_server_requests_seconds_sum", ok)).hasSize(1);
    }

    @Test
    void aRawPathNeverBecomesALabel() {
        server.get("/papers/" + FEATURED_PAPER);
        server.get("/no/such/page-x7q");
        server.get("/static/no-such-file-x7q.css");
        server.get("/search?q=" + URLEncoder.encode("attention x7q", StandardCharsets.UTF_8));
        Scrape after = scrape();

        List<String> values = after.samples().stream().flatMap(s -> s.labels().values().stream()).toList();
        assertThat(values).noneMatch(v -> v.contains(FEATURED_PAPER) || v.contains("x7q"));
        assertThat(after.find("http_server_requests_seconds_count", "route", "unmatched", "status", "404")).isNotEmpty();
        assertThat(after.find("http_server_requests_seconds_count", "route", "/static/*", "status", "404")).isNotEmpty();
        assertThat(after.find("http_server_requests_seconds_count")).allSatisfy(s -> assertThat(s.labels().get("route"))
                .matches("unmatched|/static/\\*|/[a-z_/<>.{}-]*"));
    }

    @Test
    void anUnknownMethodIsNotALabelEither() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        http.send(HttpRequest.newBuilder(URI.create(base() + "/")).method("FROBX7Q", HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        Scrape after = scrape();

        assertThat(after.find("http_server_requests_seconds_count")).allSatisfy(s -> assertThat(s.labels().get("method"))
                .isIn("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "CONNECT", "QUERY", "OTHER"));
    }

    @Test
    void timesSearchesByTheModeTheyRanIn() {
        String name = "paperboy_search_seconds_count";
        String[] query = {"kind", "query", "mode", "keyword", "outcome", "whole"};
        String[] like = {"kind", "like", "mode", "keyword", "outcome", "whole"};
        Scrape before = scrape();

        // embeddings are off here: an asked-for semantic search runs by keyword, and is counted so
        assertThat(server.get("/search?q=attention&mode=semantic").statusCode()).isEqualTo(200);
        assertThat(server.get("/api/papers/search?q=attention").statusCode()).isEqualTo(200);
        assertThat(server.get("/search?like=" + URLEncoder.encode("a transformer for long documents", StandardCharsets.UTF_8))
                .statusCode()).isEqualTo(200);
        Scrape after = scrape();

        assertThat(count(after, name, query) - count(before, name, query)).isEqualTo(2);
        assertThat(count(after, name, like) - count(before, name, like)).isEqualTo(1);
        assertThat(after.find(name, "mode", "semantic")).isEmpty();
        assertThat(after.value("paperboy_search_refused_total")).isZero();
    }

    @Test
    void countsTheQueryWordsWhosePlaceInTheIndexWasRemembered() {
        Scrape before = scrape();

        // two searches sharing a word: "attention" is looked up once (in the text and in authors), then remembered
        assertThat(server.get("/search?q=attention+routing&mode=keyword").statusCode()).isEqualTo(200);
        assertThat(server.get("/search?q=attention+decoding&mode=keyword").statusCode()).isEqualTo(200);
        Scrape after = scrape();

        assertThat(after.value("paperboy_search_known_terms_hits") - before.value("paperboy_search_known_terms_hits"))
                .isGreaterThanOrEqualTo(2);
        assertThat(after.value("paperboy_search_known_terms_misses") - before.value("paperboy_search_known_terms_misses"))
                .isGreaterThanOrEqualTo(4);
    }

    @Test
    void tellsTheIndexSizeAndHowFarItIsBehindTheStore() {
        Scrape caughtUp = scrape();
        assertThat(caughtUp.value("paperboy_index_papers")).isEqualTo(server.app().index().size());
        assertThat(caughtUp.value("paperboy_store_change")).isEqualTo(server.app().papers().lastChangeNo());
        assertThat(caughtUp.value("paperboy_index_lag")).isZero();

        // a write the index has not caught up with (this server does not follow the store on its own)
        server.app().papers().upsert(List.of(new PaperUpdate(paper("2607.00042"), null, null)), "test");
        Scrape behind = scrape();
        assertThat(behind.value("paperboy_index_lag")).isEqualTo(1);
        assertThat(behind.value("paperboy_store_change")).isEqualTo(caughtUp.value("paperboy_store_change") + 1);

        server.app().index().catchUp(server.app().papers());
        Scrape after = scrape();
        assertThat(after.value("paperboy_index_lag")).isZero();
        assertThat(after.value("paperboy_index_papers")).isEqualTo(caughtUp.value("paperboy_index_papers") + 1);
        // embeddings are off here, so there is no backlog to tell
        assertThat(after.find("paperboy_embedding_backlog")).isEmpty();
    }

    @Test
    void tellsTheIndexSegments() {
        assertThat(scrape().value("paperboy_index_segments"))
                .isEqualTo(server.app().index().segmentSizes().size())
                .isGreaterThanOrEqualTo(1);
    }

    private static Paper paper(String id) {
        return new Paper(new ArxivId(id), 1, "A paper the index has not seen", "Its abstract.", List.of("A. Author"),
                List.of("cs.CL"), Instant.parse("2026-07-01T00:00:00Z"), null, null, null, new Paper.Community(0, 0, null, List.of()));
    }

    @Test
    void carriesTheJvmsOwnSeries() {
        Scrape scrape = scrape();

        assertThat(scrape.find("jvm_memory_used_bytes", "area", "heap")).isNotEmpty();
        assertThat(scrape.find("jvm_memory_max_bytes")).isNotEmpty();
        assertThat(scrape.find("jvm_gc_memory_allocated_bytes_total")).isNotEmpty();
        assertThat(scrape.value("jvm_threads_live_threads")).isPositive();
        assertThat(scrape.value("jvm_classes_loaded_classes")).isPositive();
        assertThat(scrape.find("process_uptime_seconds")).isNotEmpty();
    }

    @Test
    void isServedInPrometheusTextFormatToALoopbackClient() {
        HttpResponse<String> response = server.get("/metrics");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(MetricsRoutes.CONTENT_TYPE);
        assertThat(response.body()).contains("# TYPE http_server_requests_seconds histogram");
    }

    @Test
    void aRequestAProxyForwardedIsNotFoundWithoutAToken() throws Exception {
        for (String header : List.of("X-Forwarded-For", "Forwarded", "X-Real-IP")) {
            HttpResponse<String> response = send(base(), header, "for=203.0.113.7");
            assertThat(response.statusCode()).as(header).isEqualTo(404);
            assertThat(response.body()).doesNotContain("jvm_");
        }
    }

    @Test
    void aClientOnAnotherAddressIsNotFoundWithoutAToken() throws Exception {
        Optional<InetAddress> own = nonLoopbackAddress();
        Assumptions.assumeTrue(own.isPresent(), "this machine has no address but loopback");

        HttpResponse<String> response = send("http://" + own.get().getHostAddress() + ":" + server.port(), null, null);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).doesNotContain("jvm_");
    }

    static Optional<InetAddress> nonLoopbackAddress() throws IOException {
        return NetworkInterface.networkInterfaces().filter(MetricsRoutesTest::isUp)
                .flatMap(NetworkInterface::inetAddresses)
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress())
                .findFirst();
    }

    private static boolean isUp(NetworkInterface nic) {
        try {
            return nic.isUp() && !nic.isLoopback();
        } catch (IOException e) {
            return false;
        }
    }

    static String base() {
        return "http://127.0.0.1:" + server.port();
    }

    /** GET /metrics at {@code base}, with one header when {@code name} is not null. */
    static HttpResponse<String> send(String base, String name, String value) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/metrics")).GET();
        if (name != null) {
            request.header(name, value);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
