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

/**
 * The real Paperboy (SQLite store, Lucene index, Javalin) on a random port over a temporary data
 * folder, with the fixture days of {@code fixtures/hf-days} imported. Start one per test class: it
 * takes a few seconds. Redirects are not followed, so tests see the 301s themselves.
 */
public final class FixtureServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

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

    /**
     * With embeddings on (the JVM's shared model): the fixtures are embedded before the server
     * starts, so semantic search, related papers and progress are ready.
     */
    public static FixtureServer startWithEmbeddings(Path dataDir) throws IOException {
        Config config = new Config(0, dataDir, null, false).withEmbeddings(true);
        return start(new App(config, paperboy.search.TestEmbedder.shared()), app -> {});
    }

    /** With embeddings off and these search settings (a time budget, say). */
    public static FixtureServer start(Path dataDir, paperboy.config.SearchSettings search) throws IOException {
        return start(new App(new Config(0, dataDir, null, false).withSearch(search)), app -> {});
    }

    private static FixtureServer start(App app, StoreSetup before) throws IOException {
        try {
            app.importer(System.err).importPaths(List.of(fixtureDays()));
            before.accept(app);
            app.prepare();
            if (app.embeddingWorker() != null) {
                app.embeddingWorker().embedPending();
            }
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
        try {
            return Path.of(FixtureServer.class.getResource("/fixtures/hf-days").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public App app() {
        return app;
    }

    /** GET {@code pathAndQuery} (already URL-encoded where needed), body as text. */
    public HttpResponse<String> get(String pathAndQuery) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + web.port() + pathAndQuery)).GET().build());
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
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + response.body(), e);
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
