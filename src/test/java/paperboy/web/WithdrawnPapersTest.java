package paperboy.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paperboy.FixtureServer;
import paperboy.paper.ArxivId;

/**
 * A paper arXiv withdrew, everywhere a reader meets it: its page says so with the date, its card
 * on the day's list and in search results carries a marker, and the JSON API gives
 * {@code withdrawnAt}. Against the real server with the fixture days imported and one of their
 * papers (MemTrapBench, featured on 21 August 2026) withdrawn on 25 August 2026.
 */
class WithdrawnPapersTest {
    static final String WITHDRAWN = "2608.20202";
    static final String LIVE = "2608.19880";

    @TempDir
    static Path data;
    static FixtureServer server;

    @BeforeAll
    static void start() throws IOException {
        server = FixtureServer.start(data, app -> app.papers().markWithdrawn(
                List.of(new ArxivId(WITHDRAWN)), Instant.parse("2026-08-25T00:00:00Z")));
    }

    @AfterAll
    static void stop() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    static String page(String path) {
        var response = server.get(path);
        assertThat(response.statusCode()).as("status of %s", path).isEqualTo(200);
        return response.body();
    }

    /** The HTML of the card of {@code id} on a list or search page. */
    static String card(String body, String id) {
        Matcher m = Pattern.compile("<article class=\"card\"[^>]*>.*?</article>", Pattern.DOTALL).matcher(body);
        while (m.find()) {
            if (m.group().contains("href=\"/papers/" + id + "\"")) {
                return m.group();
            }
        }
        throw new AssertionError("no card of " + id + " on the page");
    }

    static JsonNode json(String path) {
        return FixtureServer.json(server.get(path));
    }

    @Test
    void thePaperPageSaysWhenItWasWithdrawnAndStillShowsTheRecord() {
        String body = page("/papers/" + WITHDRAWN);

        assertThat(body).contains("<strong>Withdrawn on 25 August 2026.</strong>");
        assertThat(body).contains("MemTrapBench: Benchmarking Cognitive Traps in LLM Memory Use");
        assertThat(page("/papers/" + LIVE)).doesNotContain("Withdrawn on");
    }

    @Test
    void itsCardOnTheDaysListIsMarkedAndTheOthersAreNot() {
        String body = page("/papers/date/2026-08-21");

        assertThat(card(body, WITHDRAWN)).contains("<span class=\"withdrawn-mark\"", ">withdrawn</span>",
                "withdrew this paper on 2026-08-25");
        assertThat(card(body, LIVE)).doesNotContain("withdrawn");
        assertThat(body.split("class=\"withdrawn-mark\"", -1)).hasSize(2);
    }

    @Test
    void searchKeepsItAndMarksIt() {
        String body = page("/search?q=" + URLEncoder.encode("MemTrapBench", StandardCharsets.UTF_8));

        assertThat(card(body, WITHDRAWN)).contains("class=\"withdrawn-mark\"");
    }

    @Test
    void theApiGivesWithdrawnAtOnlyForTheWithdrawnPaper() {
        assertThat(json("/api/papers/" + WITHDRAWN).path("withdrawnAt").asText()).isEqualTo("2026-08-25T00:00:00.000Z");
        assertThat(json("/api/papers/" + LIVE).has("withdrawnAt")).isFalse();

        JsonNode day = json("/api/daily_papers?date=2026-08-21");
        assertThat(StreamSupport.stream(day.spliterator(), false)
                .filter(item -> item.path("paper").has("withdrawnAt"))
                .map(item -> item.path("paper").path("id").asText())).containsExactly(WITHDRAWN);

        JsonNode found = json("/api/papers/search?q=MemTrapBench");
        assertThat(found.get(0).path("paper").path("withdrawnAt").asText()).isEqualTo("2026-08-25T00:00:00.000Z");
    }
}
