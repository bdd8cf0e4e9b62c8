package paperboy.syndication;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paperboy.FixtureServer;
import paperboy.config.Config;
import paperboy.paper.ArxivId;
import paperboy.paper.Paper;
import paperboy.paper.PaperUpdate;

/**
 * A reader polling a feed: validators, 304s, what a write elsewhere does and does not change, and
 * absolute addresses from {@code PAPERBOY_BASE_URL}. Its own server, since it writes to the store.
 */
class FeedPollingTest {
    static final String BASE = "https://papers.example.org/pb";

    @TempDir
    static Path data;
    static FixtureServer server;

    @BeforeAll
    static void start() throws IOException {
        server = FixtureServer.start(new Config(0, data, null, false).withBaseUrl(URI.create(BASE)), app -> {});
    }

    @AfterAll
    static void stop() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    private static void feature(String id, LocalDate day) {
        Paper paper = new Paper(new ArxivId(id), 1, "Polling paper " + id, "An abstract.", List.of("A. Reader"), List.of(),
                Instant.parse("2026-04-01T00:00:00Z"), null, null, null, new Paper.Community(1, 0, null, List.of()));
        server.app().papers().upsert(List.of(new PaperUpdate(paper, day, null)), "test");
    }

    @Test
    void aFeedCarriesValidatorsAndCacheControlAndAnswersAMatchingPoll304WithoutABody() {
        HttpResponse<String> first = server.get("/feed.atom");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        String lastModified = first.headers().firstValue("Last-Modified").orElseThrow();
        assertThat(first.headers().firstValue("Cache-Control")).hasValue(FeedCache.CACHE_CONTROL);

        HttpResponse<String> byTag = server.get("/feed.atom", "If-None-Match", etag);
        HttpResponse<String> byDate = server.get("/feed.atom", "If-Modified-Since", lastModified);
        HttpResponse<String> olderDate = server.get("/feed.atom", "If-Modified-Since", "Mon, 01 Jan 2024 00:00:00 GMT");
        HttpResponse<String> otherTag = server.get("/feed.atom", "If-None-Match", "W/\"something-else\"");

        assertThat(byTag.statusCode()).isEqualTo(304);
        assertThat(byTag.body()).isEmpty();
        assertThat(byTag.headers().firstValue("ETag")).hasValue(etag);
        assertThat(byTag.headers().firstValue("Cache-Control")).hasValue(FeedCache.CACHE_CONTROL);
        assertThat(byDate.statusCode()).isEqualTo(304);
        assertThat(olderDate.statusCode()).isEqualTo(200);
        assertThat(olderDate.body()).isEqualTo(first.body());
        assertThat(otherTag.statusCode()).isEqualTo(200);
    }

    @Test
    void aWriteThatLeavesAFeedAsItWasKeepsItsValidatorsAndOneThatChangesItDoesNot() {
        HttpResponse<String> before = server.get("/papers/date/2026-08-20.rss");
        String etag = before.headers().firstValue("ETag").orElseThrow();

        feature("2604.99001", LocalDate.of(2026, 4, 16)); // another day
        HttpResponse<String> untouched = server.get("/papers/date/2026-08-20.rss", "If-None-Match", etag);
        assertThat(untouched.statusCode()).isEqualTo(304);
        assertThat(untouched.headers().firstValue("Last-Modified")).isEqualTo(before.headers().firstValue("Last-Modified"));

        feature("2608.99002", LocalDate.of(2026, 8, 20));
        HttpResponse<String> changed = server.get("/papers/date/2026-08-20.rss", "If-None-Match", etag);
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.headers().firstValue("ETag")).isNotEqualTo(java.util.Optional.of(etag));
        assertThat(changed.body()).contains(BASE + "/papers/2608.99002");
    }

    @Test
    void everyAddressIsAbsoluteFromTheConfiguredBaseUrlWhateverHostWasAsked() {
        SyndFeed atom = FeedsTest.rome(server.get("/papers/week/2026-W34.atom").body());

        assertThat(atom.getUri()).isEqualTo(BASE + "/papers/week/2026-W34.atom");
        assertThat(atom.getLinks()).extracting(SyndLink::getRel, SyndLink::getHref).containsExactly(
                org.assertj.core.groups.Tuple.tuple("alternate", BASE + "/papers/week/2026-W34"),
                org.assertj.core.groups.Tuple.tuple("self", BASE + "/papers/week/2026-W34.atom"));
        assertThat(atom.getEntries()).extracting(SyndEntry::getUri).allSatisfy(id -> assertThat(id).startsWith(BASE + "/papers/"));
        String rss = server.get("/search.rss?q=agents").body();
        assertThat(rss).contains("href=\"" + BASE + "/search.rss?q=agents\" rel=\"self\" type=\"application/rss+xml\"");
    }

    @Test
    void headAnswersWithTheFeedsTypeAndValidators() throws Exception {
        var response = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + "/trending.rss"))
                        .method("HEAD", java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/rss+xml; charset=utf-8");
        assertThat(response.headers().firstValue("ETag")).isPresent();
        assertThat(response.body()).isEmpty();
    }
}
