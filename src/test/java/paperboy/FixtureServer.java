package paperboy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import paperboy.config.Config;
import paperboy.db.Database;
import paperboy.search.EmbeddedFixtures;
import paperboy.search.TestEmbedder;

/**
 * The real Paperboy (SQLite store, Lucene index, Javalin) on a random port over a temporary data
 * folder, with the fixture days of {@code fixtures/hf-days} imported. Start one per test class: it
 * takes a few seconds. Redirects are not followed, so tests see the 301s themselves.
 */
public final class FixtureServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OLDEST_DAY = "2024-05-27.json";

    private final App app;
    private final Javalin web;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private FixtureServer(App app, Javalin web) {
        this.app = app;
        this.web = web;
    }

    /** Imports the fixture days into a store in {@code dataDir}, then lets {@code before} change the store, then starts. */
    public static FixtureServer start(Path dataDir, StoreSetup before) throws IOException {
        return start(new App(new Config(0, dataDir, null, false)), before);
    }

    /** As {@link #start(Path, StoreSetup)} with this config (a base URL, say) for the data folder in it. */
    public static FixtureServer start(Config config, StoreSetup before) throws IOException {
        return start(new App(config), before);
    }

    /**
     * Embeddings on with MiniLM and its tuned fusion and floor: these servers embed with the
     * shared MiniLM embedder (the faster model), whatever the default model is.
     */
    private static Config withMiniLm(Config config) {
        return config.withSearch(config.search().withEmbeddings(true).withTunedModel("minilm"));
    }

    /**
     * With embeddings on (the JVM's shared model): the fixtures' vectors, embedded once per JVM
     * ({@link EmbeddedFixtures}), are stored and indexed before the server starts, so semantic
     * search, related papers and progress are ready.
     */
    public static FixtureServer startWithEmbeddings(Path dataDir) throws IOException {
        Config config = withMiniLm(new Config(0, dataDir, null, false));
        return start(new App(config, TestEmbedder.shared()), app -> {
            try (Database db = Database.open(config.storeUrl())) {
                EmbeddedFixtures.copyInto(db.jdbi());
            }
        });
    }

    /** With embeddings off and these search settings (a time budget, say). */
    public static FixtureServer start(Path dataDir, paperboy.config.SearchSettings search) throws IOException {
        return start(new App(new Config(0, dataDir, null, false).withSearch(search)), app -> {});
    }

    /** Keyword search over these day files (a folder of them) instead of the fixture days. */
    public static FixtureServer startWithDays(Path dataDir, Path days) throws IOException {
        return start(new App(new Config(0, dataDir, null, false)), days, app -> {});
    }

    private static FixtureServer start(App app, StoreSetup before) throws IOException {
        return start(app, fixtureDays(), before);
    }

    private static FixtureServer start(App app, Path days, StoreSetup before) throws IOException {
        return start(app, days, before, paperboy.account.AccountLimits.defaults());
    }

    /**
     * With these log-in and sign-up limits: {@link paperboy.account.AccountLimits#off()} for a test
     * class that logs members in more often than one address may (50 times in 15 minutes).
     */
    public static FixtureServer start(Path dataDir, paperboy.account.AccountLimits limits) throws IOException {
        return start(new App(new Config(0, dataDir, null, false)), fixtureDays(), app -> {}, limits);
    }

    private static FixtureServer start(App app, Path days, StoreSetup before, paperboy.account.AccountLimits limits)
            throws IOException {
        try {
            app.importer(System.err).importPaths(List.of(days));
            before.accept(app);
            app.prepare();
            if (app.embeddingWorker().isOn()) {
                app.embeddingWorker().embedPending();
            }
            return new FixtureServer(app, app.web(limits).start(0));
        } catch (IOException | RuntimeException e) {
            app.close();
            throw e;
        }
    }

    /** With {@code PAPERBOY_BASE_URL} set to {@code baseUrl}; {@code before} as in {@link #start(Path, StoreSetup)}. */
    public static FixtureServer startAt(Path dataDir, URI baseUrl, StoreSetup before) throws IOException {
        return start(new App(new Config(0, dataDir, null, false).withBaseUrl(baseUrl)), before);
    }

    /** With embeddings off and these metrics settings (a token, say, or metrics off). */
    public static FixtureServer start(Path dataDir, paperboy.config.MetricsSettings metrics) throws IOException {
        return start(new App(new Config(0, dataDir, null, false).withMetrics(metrics)), app -> {});
    }

    /** Keyword search over the bundled sample (the 1,416 papers a new install starts with), as {@code serve} loads it. */
    public static FixtureServer startWithSample(Path dataDir) throws IOException {
        App app = new App(new Config(0, dataDir, null, true));
        try {
            app.prepare();
            return new FixtureServer(app, app.web().start(0));
        } catch (IOException | RuntimeException e) {
            app.close();
            throw e;
        }
    }

    /**
     * With embeddings on but only the oldest fixture day (13 papers) embedded: the other days
     * arrive after it, as while {@code serve} is still embedding.
     */
    public static FixtureServer startPartlyEmbedded(Path dataDir) throws IOException {
        Config config = withMiniLm(new Config(0, dataDir, null, false));
        App app = new App(config, paperboy.search.TestEmbedder.shared());
        try {
            app.importer(System.err).importPaths(List.of(fixtureDays().resolve(OLDEST_DAY)));
            app.prepare();
            app.embeddingWorker().embedPending();
            try (var days = java.nio.file.Files.list(fixtureDays())) {
                app.importer(System.err).importPaths(days.filter(d -> !d.endsWith(OLDEST_DAY)).sorted().toList());
            }
            app.prepare();
            return new FixtureServer(app, app.web().start(0));
        } catch (IOException | RuntimeException e) {
            app.close();
            throw e;
        }
    }

    public static FixtureServer start(Path dataDir) throws IOException {
        return start(dataDir, app -> {});
    }

    /** What a test does to the store after the fixtures are imported and before the index catches up. */
    @FunctionalInterface
    public interface StoreSetup {
        void accept(App app) throws IOException;
    }

    public static Path fixtureDays() {
        return resource("/fixtures/hf-days");
    }

    /** A folder or file of the test resources, e.g. {@code /contract/hf-days}. */
    public static Path resource(String name) {
        try {
            return Path.of(FixtureServer.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public App app() {
        return app;
    }

    public int port() {
        return web.port();
    }

    /** Every HTTP route the server registered, as {@code GET /api/papers/<id>} (Javalin's own path syntax). */
    public List<String> routes() {
        return web.unsafe.internalRouter.allHttpHandlers().stream()
                .map(parsed -> parsed.endpoint)
                .filter(endpoint -> endpoint.method.isHttpMethod())
                .map(endpoint -> endpoint.method.name() + " " + endpoint.path)
                .toList();
    }

    /** GET {@code pathAndQuery} (already URL-encoded where needed), body as text. */
    public HttpResponse<String> get(String pathAndQuery) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + web.port() + pathAndQuery)).GET().build());
    }

    /** GET {@code pathAndQuery} with these request headers (name, value, name, value...). */
    public HttpResponse<String> get(String pathAndQuery, String... headers) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + web.port() + pathAndQuery)).headers(headers).GET().build());
    }

    /** As {@link #get(String)}, failing (an UncheckedIOException) when no answer comes within {@code timeout}. */
    public HttpResponse<String> get(String pathAndQuery, java.time.Duration timeout) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + web.port() + pathAndQuery)).timeout(timeout).GET().build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode json(HttpResponse<String> response) {
        return json(response.body());
    }

    public static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + body, e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            web.stop();
        } finally {
            app.close();
        }
    }
}
