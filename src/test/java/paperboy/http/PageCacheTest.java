package paperboy.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paperboy.FixtureServer;
import paperboy.paper.PaperBuilder;
import paperboy.paper.PaperUpdate;

/** Cached pages and API lists must show a write as soon as it is committed, and never an answer made from other data. */
class PageCacheTest {
    @TempDir
    Path data;

    @Test
    void aWriteToTheStoreIsVisibleOnTheNextRequestOfACachedPage() throws Exception {
        try (FixtureServer server = FixtureServer.start(data)) {
            String day = "/papers/date/2026-08-21";
            String api = "/api/daily_papers?date=2026-08-21&limit=100";
            assertThat(server.get(day).body()).doesNotContain("A freshly featured paper");
            int before = FixtureServer.json(server.get(api)).size();
            assertThat(server.get(day).body()).doesNotContain("A freshly featured paper"); // now from the cache

            var paper = PaperBuilder.paper("2608.99999").title("A freshly featured paper").upvotes(7).build();
            server.app().papers().upsert(List.of(new PaperUpdate(paper, LocalDate.of(2026, 8, 21),
                    Instant.parse("2026-08-21T09:00:00Z"))), "test");

            assertThat(server.get(day).body()).contains("A freshly featured paper");
            assertThat(FixtureServer.json(server.get(api)).size()).isEqualTo(before + 1);
        }
    }

    @Test
    void anEntryIsMadeAgainWhenTheChangeNumbersMoveApartToTheSameSum() throws Exception {
        var version = new AtomicReference<>(new PageCache.Version(5, 3));
        var renders = new AtomicInteger();
        PageCache cache = new PageCache(version::get, 10);
        Javalin web = Javalin.create(config -> config.routes.get("/page",
                cache.of(ctx -> ctx.result("render " + renders.incrementAndGet())))).start(0);
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpRequest page = HttpRequest.newBuilder(URI.create("http://localhost:" + web.port() + "/page")).build();
            assertThat(http.send(page, HttpResponse.BodyHandlers.ofString()).body()).isEqualTo("render 1");
            assertThat(http.send(page, HttpResponse.BodyHandlers.ofString()).body()).isEqualTo("render 1");

            // the store moved on by 3 while the index was rebuilt and holds vectors up to 1: 8 either way
            version.set(new PageCache.Version(7, 1));

            assertThat(http.send(page, HttpResponse.BodyHandlers.ofString()).body()).isEqualTo("render 2");
        } finally {
            web.stop();
        }
    }
}
