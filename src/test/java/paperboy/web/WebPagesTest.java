package paperboy.web;

import static org.assertj.core.api.Assertions.assertThat;

import gg.jte.html.escape.Escape;
import gg.jte.output.StringOutput;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import paperboy.FixtureServer;
import paperboy.RawHttp;
import paperboy.paper.ArxivId;
import paperboy.paper.Paper;
import paperboy.paper.PaperUpdate;

/**
 * The server-rendered pages as a reader sees them, against the real server with the fixture days
 * (2024-05-27 … 2026-08-21) imported, plus one paper whose title tries to inject a script.
 */
class WebPagesTest {
    static final String HOSTILE_ID = "2607.00001";
    static final String HOSTILE_TITLE = "Probing <script>alert(1)</script> in xssprobe titles";
    static final LocalDate HOSTILE_DAY = LocalDate.of(2026, 7, 1);

    @TempDir
    static Path data;
    static FixtureServer server;

    @BeforeAll
    static void start() throws IOException {
        server = FixtureServer.start(data, app -> app.papers().upsert(List.of(new PaperUpdate(hostilePaper(), HOSTILE_DAY, null)), "test"));
    }

    @AfterAll
    static void stop() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    private static Paper hostilePaper() {
        return new Paper(new ArxivId(HOSTILE_ID), 1, HOSTILE_TITLE,
                "An abstract that also says <script>alert(2)</script> and mentions xssprobe again.",
                List.of("Mallory <script>alert(3)</script> Smith"), List.of("cs.CR"),
                Instant.parse("2026-06-30T00:00:00Z"), null, null, null,
                new Paper.Community(3, 0, null, List.of()));
    }

    static HttpResponse<String> get(String path) {
        return server.get(path);
    }

    static HttpResponse<String> ok(String path) {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as("status of %s: %s", path, response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        return response;
    }

    /** Text as the templates write it into HTML. */
    static String html(String text) {
        StringOutput out = new StringOutput();
        Escape.htmlContent(text, out);
        return out.toString();
    }

    static String search(String query) {
        return "/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
    }

    /** The paper ids of the cards on a page, in order. */
    static List<String> cardIds(String body) {
        Matcher m = Pattern.compile("<h2 class=\"card-title\"><a href=\"/papers/([^\"]+)\"").matcher(body);
        List<String> ids = new ArrayList<>();
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    /** The number in "17 papers" or "3 results". */
    static int count(String body) {
        Matcher m = Pattern.compile("<p class=\"count\">(\\d+) (?:papers?|results?)</p>").matcher(body);
        assertThat(m.find()).as("a count line in the page").isTrue();
        return Integer.parseInt(m.group(1));
    }

    @Nested
    class Lists {
        @Test
        void homeShowsTheLatestDayRankedByUpvotes() {
            String body = ok("/").body();

            assertThat(body).contains("Friday 21 August 2026");
            assertThat(count(body)).isEqualTo(17);
            int first = body.indexOf("EnvHarness: Awakening Static Worlds for Agent Learning");   // 163 upvotes
            int second = body.indexOf("FACET: Preserving Source Intent and Executable State in Terminal Task Synthesis"); // 54
            int third = body.indexOf("4DAnyone: Create Anyone in 4D from a Casual Monocular Video"); // 38
            assertThat(first).isPositive();
            assertThat(second).isGreaterThan(first);
            assertThat(third).isGreaterThan(second);
            assertThat(cardIds(body)).hasSize(17).startsWith("2608.19880", "2608.18580", "2608.20335");
        }

        @Test
        void homeLinksToThePreviousDayAndHasNoNextDay() {
            String body = ok("/").body();

            assertThat(body).contains("<a class=\"navlink\" href=\"/papers/date/2026-08-20\" rel=\"prev\">");
            assertThat(body).doesNotContain("rel=\"next\"");
        }

        @ParameterizedTest(name = "{0} lists {1} papers")
        @CsvSource({
                "/papers/date/2026-08-21, 17",
                "/papers/date/2026-08-20, 15",
                "/papers/date/2024-05-27, 13",
                // 26 + 15 + 17 from 19, 20 and 21 August; the two repeats were first featured in week 33
                "/papers/week/2026-W34, 58",
                // 20 + 23 + 26 + 15 + 17 = 101 entries, two papers featured twice count once
                "/papers/month/2026-08, 99",
        })
        void periodPagesCountTheirPapers(String path, int papers) {
            String body = ok(path).body();

            assertThat(count(body)).isEqualTo(papers);
            assertThat(cardIds(body)).hasSize(Math.min(papers, 50)).doesNotHaveDuplicates();
        }

        @Test
        void aLongMonthIsPaged() {
            String second = ok("/papers/month/2026-08?page=2").body();

            assertThat(cardIds(second)).hasSize(49);
            assertThat(cardIds(second)).doesNotContainAnyElementsOf(cardIds(ok("/papers/month/2026-08").body()));
            assertThat(second).contains("Page 2 of 2");
        }

        @ParameterizedTest(name = "{0}: {1}")
        @CsvSource(delimiter = '|', textBlock = """
                /papers/date/2026-08-22 | Nothing was featured on Saturday 22 August 2026 | /papers/date/2026-08-21 |
                /papers/date/2020-01-01 | Nothing was featured on Wednesday 1 January 2020 |                      | /papers/date/2024-05-27
                /papers/week/2026-W20   | Nothing was featured in Week 20, 2026 | /papers/week/2026-W16 | /papers/week/2026-W24
                /papers/month/2020-01   | Nothing was featured in January 2020  |                       | /papers/month/2024-05
                """)
        void aPeriodWithNothingFeaturedIsAPageLinkingTheNearestLists(String path, String message, String previous, String next) {
            String body = ok(path).body();

            assertThat(body).contains(message + ".").doesNotContain("Error 404");
            assertThat(count(body)).isZero();
            assertThat(cardIds(body)).isEmpty();
            for (String nearest : new String[] {previous, next}) {
                if (nearest != null) {
                    assertThat(body).contains("<a href=\"" + nearest + "\">");
                }
            }
            if (previous == null) {
                assertThat(body).doesNotContain("rel=\"prev\"");
            }
            if (next == null) {
                assertThat(body).doesNotContain("rel=\"next\"");
            }
        }

        @Test
        void trendingWithNothingFeaturedRecentlyIsAPageLinkingTheLatestList() {
            // The fixture days end on 21 August 2026, long before the last seven days.
            String body = ok("/papers/trending").body();

            assertThat(body).contains("Nothing was featured in the last 7 days.", "The latest list:",
                    "<a href=\"/papers/date/2026-08-21\">Friday 21 August 2026</a>", "How is this ranked?").doesNotContain("Error");
            assertThat(count(body)).isZero();
            assertThat(cardIds(body)).isEmpty();
        }

        @Test
        void weekPageLinksToTheWeekBefore() {
            assertThat(ok("/papers/week/2026-W34").body()).contains("href=\"/papers/week/2026-W33\" rel=\"prev\"");
        }
    }

    /** No page needs {@code 'unsafe-inline'} for scripts, and the policy no longer allows it (the welcome page: EmptyStoreTest). */
    @Nested
    class ContentSecurityPolicy {
        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {
                "/", "/papers/date/2026-08-21", "/papers/date/2026-08-22", "/papers/week/2026-W34", "/papers/month/2026-08?page=2",
                "/papers/trending", "/papers/date/2026-08-21?sort=trending", "/papers/2608.19880", "/papers/2608.19880.md",
                "/search", "/search?q=agents", "/search?q=%22static+worlds%22&sort=date", "/search?like=agents+that+learn",
                "/api", "/api/daily_papers", "/feed.atom", "/healthz", "/static/paperboy.js",
                "/papers/" + HOSTILE_ID, "/search?q=xssprobe", "/no/such/page", "/papers/date/2026-13-45", "/papers/not-an-id"})
        void everyAnswerCarriesThePolicyAndNoPageNeedsInlineScript(String path) {
            HttpResponse<String> response = server.get(path);

            assertThat(response.statusCode()).as(path).isLessThan(500);
            ScriptPolicy.check(path, response);
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"GET /search?q=%zz", "GET /papers/%zz", "get /"})
        void pagesRefusedBeforeRoutingNeedNoInlineScriptEither(String request) {
            String[] parts = request.split(" ");
            RawHttp.Answer answer = RawHttp.request(server.port(), parts[0], parts[1]);

            assertThat(answer.status()).isBetween(400, 501);
            assertThat(ScriptPolicy.violations(answer.body())).as(request).isEmpty();
            assertThat(answer.header("Content-Security-Policy")).as(request).isNotNull();
            assertThat(ScriptPolicy.scriptSources(answer.header("Content-Security-Policy"))).contains("'self'").doesNotContain("'unsafe-inline'");
        }

        @Test
        void thePaperPageLoadsItsScriptFromTheStaticFiles() {
            String page = server.get("/papers/2608.19880").body();
            HttpResponse<String> script = server.get("/static/paperboy.js");

            assertThat(page).contains("<script src=\"/static/paperboy.js\" defer></script>", "id=\"copy-bibtex\"", "id=\"bibtex\"");
            assertThat(script.statusCode()).isEqualTo(200);
            assertThat(script.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("javascript"));
            assertThat(script.body()).contains("getElementById(\"copy-bibtex\")", "navigator.clipboard.writeText");
        }
    }

    @Nested
    class PaperPage {
        final Paper envHarness = server.app().papers().find(new ArxivId("2608.19880")).orElseThrow();

        @Test
        void showsTitleAuthorsAbstractAndArxivLinks() {
            String body = ok("/papers/2608.19880").body();

            assertThat(body).contains("<h1 class=\"paper-title\">EnvHarness: Awakening Static Worlds for Agent Learning</h1>");
            assertThat(envHarness.authors()).hasSize(17).contains("Chengsong Huang", "Bhavana Dalvi Mishra", "Chen-Yu Lee");
            assertThat(body).contains(envHarness.authors().stream().map(WebPagesTest::html).toList());
            assertThat(body).contains(html(envHarness.summary()));
            assertThat(body).contains("href=\"https://arxiv.org/abs/2608.19880\"", "href=\"https://arxiv.org/pdf/2608.19880\"");
        }

        @Test
        void showsTheDayItWasFeaturedAndABibtexEntry() {
            String body = ok("/papers/2608.19880").body();

            assertThat(body).contains("<a href=\"/papers/date/2026-08-21\">Friday 21 August 2026</a>");
            assertThat(body).contains("@misc{huang2026envharness,", "eprint={2608.19880}", "archivePrefix={arXiv}");
        }

        @Test
        void aPaperFeaturedTwiceShowsBothDays() {
            String body = ok("/papers/2608.13558").body();

            assertThat(body).contains("href=\"/papers/date/2026-08-14\"", "href=\"/papers/date/2026-08-20\"");
        }

        @Test
        void aVersionedIdRedirectsPermanentlyToThePaper() {
            HttpResponse<String> response = get("/papers/2608.19880v2");

            assertThat(response.statusCode()).isEqualTo(301);
            assertThat(response.headers().firstValue("Location")).hasValue("/papers/2608.19880");
        }
    }

    @Nested
    class Search {
        @Test
        void findsAWordAndMarksIt() {
            String body = ok(search("awakening")).body();

            assertThat(count(body)).isEqualTo(1);
            assertThat(cardIds(body)).containsExactly("2608.19880");
            assertThat(body).contains("<mark>Awakening</mark>");
        }

        @Test
        void aPhraseFindsOnlyPapersWithTheWordsTogether() {
            String words = ok(search("static worlds")).body();
            String phrase = ok(search("\"static worlds\"")).body();

            assertThat(count(words)).isGreaterThan(20);
            assertThat(count(phrase)).isEqualTo(1);
            assertThat(cardIds(phrase)).containsExactly("2608.19880");
        }

        @Test
        void aMinusExcludesPapersWithTheWord() {
            String all = ok(search("static")).body();
            String excluding = ok(search("static -awakening")).body();

            // "awakening" occurs in one paper of the fixtures, which also says "static"
            assertThat(count(excluding)).isEqualTo(count(all) - 1);
            assertThat(ok(search("awakening -static")).body()).contains("0 results", "No papers match this search.");
        }

        @Test
        void queryThatIsNotSyntaxIsSearchedAsWordsWithANotice() {
            HttpResponse<String> response = ok(search("foo("));

            assertThat(response.body()).contains("could not be read as search syntax, so its words were searched as they are");
        }

        @ParameterizedTest
        @ValueSource(strings = {"foo(", "\"unclosed", "title:", "a AND", "[1 TO", "*", "~", "\\", "AND OR NOT"})
        void queriesThatAreNotSyntaxNeverFail(String query) {
            ok(search(query));
        }

        @Test
        void anEmptyQueryShowsHowToSearch() {
            assertThat(ok("/search").body()).contains("an exact phrase, in quotes");
        }
    }

    @Nested
    class Escaping {
        static final String RAW = "<script>alert";

        @Test
        void titleIsEscapedOnThePaperPage() {
            String body = ok("/papers/" + HOSTILE_ID).body();

            assertThat(body).doesNotContain(RAW);
            assertThat(body).contains(html(HOSTILE_TITLE), html("Mallory <script>alert(3)</script> Smith"));
        }

        @Test
        void titleIsEscapedInTheDailyList() {
            String body = ok("/papers/" + new paperboy.feed.Period.Day(HOSTILE_DAY).path()).body();

            assertThat(cardIds(body)).containsExactly(HOSTILE_ID);
            assertThat(body).doesNotContain(RAW).contains(html(HOSTILE_TITLE));
        }

        @Test
        void titleIsEscapedInSearchResultsWhereItIsHighlighted() {
            for (String query : List.of("xssprobe", "alert", "script", "mallory")) {
                String body = ok(search(query)).body();

                assertThat(cardIds(body)).as(query).contains(HOSTILE_ID);
                assertThat(body).as(query).doesNotContain(RAW).contains("&lt;script&gt;");
            }
        }

        @Test
        void theQueryIsEscapedWhereItIsEchoed() {
            String body = ok(search("<script>alert(4)</script>")).body();

            assertThat(body).doesNotContain(RAW);
        }
    }

    @Nested
    class Mistakes {
        @ParameterizedTest(name = "{0} is a 400 saying: {1}")
        @CsvSource(delimiter = '|', textBlock = """
                /papers/not-an-id       | not an arXiv id
                /papers/2608.1          | not an arXiv id
                /papers/date/2026-13-45 | is not a date: use YYYY-MM-DD
                /papers/date/yesterday  | is not a date: use YYYY-MM-DD
                /papers/week/2026-W60   | week 60 does not exist in 2026 (it has 53 ISO weeks)
                /papers/week/2026-34    | is not an ISO week: use YYYY-Www
                /papers/month/2026-13   | is not a month: use YYYY-MM
                /?page=0                | page must be from 1 to 10000, not 0
                /papers/date/2026-08-21?page=x | page must be a whole number
                /search?q=x&page=51     | page must be from 1 to 50, not 51
                """)
        void malformedRequestsAreExplained(String path, String message) {
            HttpResponse<String> response = get(path);

            assertThat(response.statusCode()).as(path).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
            assertThat(response.body()).contains("Error 400", html(message));
        }

        @ParameterizedTest(name = "{0} is a 404 saying: {1}")
        @CsvSource(delimiter = '|', textBlock = """
                /papers/2101.00001      | Paper 2101.00001 is not in this index
                /papers/hep-th/9901001  | Paper hep-th/9901001 is not in this index
                /no/such/page           | There is no page at /no/such/page
                """)
        void missingThingsAreNotFound(String path, String message) {
            HttpResponse<String> response = get(path);

            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.body()).contains("Error 404", html(message), "href=\"/\"");
        }

        @Test
        void anUnknownPaperLinksToArxiv() {
            assertThat(get("/papers/2101.00001").body()).contains("https://arxiv.org/abs/2101.00001");
        }

    }

    @Nested
    class Serving {
        @Test
        void servesTheStylesheet() {
            HttpResponse<String> response = get("/static/paperboy.css");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/css"));
            assertThat(response.body()).isNotBlank();
        }

        @ParameterizedTest
        @ValueSource(strings = {"/", "/papers/2608.19880", "/search?q=agent", "/papers/not-an-id", "/no/such/page", "/static/paperboy.css"})
        void everyResponseCarriesSecurityHeaders(String path) {
            var headers = get(path).headers();

            assertThat(headers.firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
            assertThat(headers.firstValue("X-Frame-Options")).as(path).hasValue("DENY");
            assertThat(headers.firstValue("Content-Security-Policy")).as(path)
                    .hasValueSatisfying(csp -> assertThat(csp).contains("default-src 'self'", "frame-ancestors 'none'"));
            assertThat(headers.firstValue("Referrer-Policy")).as(path).isPresent();
        }
    }
}
