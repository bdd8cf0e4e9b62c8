package paperboy.web;

import static org.assertj.core.api.Assertions.assertThat;
import static paperboy.web.WebPagesTest.cardIds;
import static paperboy.web.WebPagesTest.count;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paperboy.FixtureServer;
import paperboy.feed.Trending;
import paperboy.paper.ArxivId;
import paperboy.paper.FeaturedPaper;
import paperboy.paper.Paper;
import paperboy.paper.PaperUpdate;

/**
 * {@code /papers/trending}, the Trending tab and {@code sort=trending}, on the real server: the
 * fixture days (all long past) plus papers featured in the last days, relative to the clock.
 */
class TrendingPageTest {
    /** 5 upvotes an hour ago (5 / 3^1.5 ≈ 0.96), 30 a day ago (≈ 0.23), 100 six days ago (≈ 0.06). */
    static final String NEW = "2612.00001";
    static final String DAY_OLD = "2612.00002";
    static final String WEEK_OLD = "2612.00003";
    /** Featured ten days ago with many upvotes: outside the window. */
    static final String TOO_OLD = "2612.00004";
    /** Papers with no upvotes featured three days ago, to fill a second page. */
    static final int FILLERS = 52;

    @TempDir
    static Path data;
    static FixtureServer server;

    @BeforeAll
    static void start() throws IOException {
        Instant now = Instant.now();
        List<PaperUpdate> recent = new ArrayList<>(List.of(
                featured(NEW, 5, now.minus(Duration.ofHours(1))),
                featured(DAY_OLD, 30, now.minus(Duration.ofHours(24))),
                featured(WEEK_OLD, 100, now.minus(Duration.ofDays(6))),
                featured(TOO_OLD, 5000, now.minus(Duration.ofDays(10)))));
        for (int i = 0; i < FILLERS; i++) {
            recent.add(featured(String.format("2612.%05d", 100 + i), 0, now.minus(Duration.ofDays(3))));
        }
        server = FixtureServer.start(data, app -> app.papers().upsert(recent, "test"));
    }

    @AfterAll
    static void stop() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    private static PaperUpdate featured(String id, int upvotes, Instant at) {
        Paper paper = new Paper(new ArxivId(id), 1, "Trending probe " + id, "An abstract.", List.of("Ada Lovelace"),
                List.of(), at, null, null, null, new Paper.Community(upvotes, 0, null, List.of()));
        return new PaperUpdate(paper, LocalDate.ofInstant(at, ZoneOffset.UTC), at);
    }

    private static HttpResponse<String> ok(String path) {
        HttpResponse<String> response = server.get(path);
        assertThat(response.statusCode()).as("status of %s: %s", path, response.body()).isEqualTo(200);
        return response;
    }

    @Test
    void ranksTheRecentPapersByTheFormulaAndLeavesOlderOnesOut() {
        String body = ok("/papers/trending").body();

        assertThat(body).contains("<h1 class=\"page-heading\">Trending</h1>");
        assertThat(count(body)).isEqualTo(3 + FILLERS);
        assertThat(cardIds(body)).hasSize(50).startsWith(NEW, DAY_OLD, WEEK_OLD).doesNotContain(TOO_OLD);
        // The fixture days, months old, are not trending however many upvotes they have.
        assertThat(cardIds(body)).allMatch(id -> id.startsWith("2612."));
    }

    @Test
    void saysHowItIsRanked() {
        String body = ok("/papers/trending").body();

        assertThat(body).contains("<summary>How is this ranked?</summary>",
                "<code>" + WebPagesTest.html(Trending.formula()) + "</code>", "first featured in the last 7 days",
                "counts from its first featuring");
        assertThat(Trending.formula()).isEqualTo("upvotes / (hours since featured + 2)^1.5");
    }

    @Test
    void isPagedLikeTheOtherLists() {
        String second = ok("/papers/trending?page=2").body();

        assertThat(cardIds(second)).hasSize(3 + FILLERS - 50).doesNotContainAnyElementsOf(cardIds(ok("/papers/trending").body()));
        assertThat(second).contains("Page 2 of 2", "<link rel=\"canonical\" href=\"http://localhost:" + server.port()
                + "/papers/trending?page=2\">");
        assertThat(server.get("/papers/trending?page=0").statusCode()).isEqualTo(400);
    }

    @Test
    void isATabBesideDayWeekAndMonth() {
        String day = ok("/papers/date/2026-08-21").body();
        String trending = ok("/papers/trending").body();
        String today = LocalDate.now(ZoneOffset.UTC).toString();

        assertThat(day).contains("<a class=\"tab\" href=\"/papers/trending\">Trending</a>",
                "<a class=\"tab\" href=\"/papers/date/2026-08-21\" aria-current=\"page\">Day</a>");
        assertThat(ok("/").body()).contains("<a class=\"tab\" href=\"/papers/trending\">Trending</a>");
        assertThat(trending).contains("<a class=\"tab\" href=\"/papers/trending\" aria-current=\"page\">Trending</a>");
        // Day / Week / Month from trending open the latest featured day's lists (today's here).
        assertThat(trending).contains("<a class=\"tab\" href=\"/papers/date/" + today + "\">Day</a>");
        // No previous / next period: the only way on is the next page.
        assertThat(trending).doesNotContain("rel=\"prev\"").containsOnlyOnce("rel=\"next\"")
                .contains("href=\"/papers/trending?page=2\" rel=\"next\"");
    }

    @Test
    void offersTheTrendingFeeds() {
        String body = ok("/papers/trending").body();

        assertThat(body).contains("href=\"/trending.atom\"", "href=\"/trending.rss\"");
        List<String> entries = atomIds(ok("/trending.atom").body());
        assertThat(entries).hasSize(50).startsWith(paperUrl(NEW), paperUrl(DAY_OLD), paperUrl(WEEK_OLD))
                .doesNotContain(paperUrl(TOO_OLD));
    }

    @Test
    void theApiTrendingListIsTheSameList() {
        JsonNode items = FixtureServer.json(ok("/api/daily_papers?sort=trending&limit=5"));

        List<String> ids = new ArrayList<>();
        items.forEach(item -> ids.add(item.path("paper").path("id").asText()));
        assertThat(ids).containsExactly(cardIds(ok("/papers/trending").body()).subList(0, 5).toArray(String[]::new));
    }

    @Test
    void aWeekSortedByTrendingIsInTheOrderOfTheFormula() {
        String body = ok("/papers/week/2026-W34?sort=trending").body();
        Instant now = Instant.now();
        JsonNode items = FixtureServer.json(ok("/api/daily_papers?week=2026-W34&limit=100"));
        List<FeaturedPaper> week = new ArrayList<>();
        items.forEach(item -> week.add(new FeaturedPaper(
                new Paper(new ArxivId(item.path("paper").path("id").asText()), 1, "t", "s", List.of(), List.of(), null, null,
                        null, null, new Paper.Community(item.path("paper").path("upvotes").asInt(), 0, null, List.of())),
                LocalDate.parse("2026-08-21"), Instant.parse(item.path("publishedAt").asText()))));

        assertThat(week).hasSize(58);
        assertThat(cardIds(body)).hasSize(50).containsExactlyElementsOf(
                week.stream().sorted(Trending.order(now)).limit(50).map(f -> f.paper().id().value()).toList());
        // Over several days the hours count: not the order of upvotes.
        assertThat(cardIds(body)).isNotEqualTo(cardIds(ok("/papers/week/2026-W34").body()));
        assertThat(body).contains("<a class=\"tab\" href=\"/papers/week/2026-W34?sort=trending\" aria-current=\"page\">Trending</a>",
                "<a class=\"tab\" href=\"/papers/week/2026-W34\">Most upvoted</a>", "How is this ranked?",
                "<link rel=\"canonical\" href=\"http://localhost:" + server.port() + "/papers/week/2026-W34?sort=trending\">");
        assertThat(ok("/papers/week/2026-W34").body()).doesNotContain("How is this ranked?");
    }

    @Test
    void aMonthSortedByTrendingIsPagedInThatOrder() {
        String second = ok("/papers/month/2026-08?sort=trending&page=2").body();

        assertThat(second).contains("Page 2 of 2", "href=\"/papers/month/2026-08?sort=trending&amp;page=1\" rel=\"prev\"");
        assertThat(cardIds(second)).hasSize(49)
                .doesNotContainAnyElementsOf(cardIds(ok("/papers/month/2026-08?sort=trending").body()));
    }

    @Test
    void anUnknownSortIsABadRequest() {
        HttpResponse<String> response = server.get("/papers/date/2026-08-21?sort=bogus");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("sort must be upvotes or trending");
    }

    private String paperUrl(String id) {
        return "http://localhost:" + server.port() + "/papers/" + id;
    }

    private static List<String> atomIds(String atom) {
        Matcher m = Pattern.compile("<id>(http[^<]*/papers/\\d{4}\\.\\d{4,5})</id>").matcher(atom);
        List<String> ids = new ArrayList<>();
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }
}
