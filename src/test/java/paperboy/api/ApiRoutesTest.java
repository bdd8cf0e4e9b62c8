package paperboy.api;

import static org.assertj.core.api.Assertions.assertThat;
import static paperboy.FixtureServer.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import paperboy.FixtureServer;

/**
 * The JSON API as a Hugging Face client uses it ({@code docs/HF-API.md}), against the real server
 * with the fixture days imported: 240 featured entries of 236 papers on ten days.
 */
class ApiRoutesTest {
    static final int PAPERS_IN_FIXTURES = 236;
    static final Pattern INSTANT = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");

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

    static JsonNode ok(String path) {
        HttpResponse<String> response = server.get(path);
        assertThat(response.statusCode()).as("status of %s: %s", path, response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        return json(response);
    }

    /** Asserts the status and a JSON {@code {"error": "..."}} body; returns the message. */
    static String error(String path, int status) {
        HttpResponse<String> response = server.get(path);
        assertThat(response.statusCode()).as("status of %s: %s", path, response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        JsonNode body = json(response);
        assertThat(body.path("error").isTextual()).as("error message in %s", response.body()).isTrue();
        return body.get("error").asText();
    }

    static List<String> ids(JsonNode items) {
        return StreamSupport.stream(items.spliterator(), false).map(i -> i.path("paper").path("id").asText()).toList();
    }

    /** id to upvotes, as captured from Hugging Face in the fixture file of that day. */
    static Map<String, Integer> fixtureDay(String day) throws IOException {
        JsonNode entries = new ObjectMapper().readTree(FixtureServer.fixtureDays().resolve(day + ".json").toFile());
        Map<String, Integer> upvotes = new HashMap<>();
        entries.forEach(e -> upvotes.put(e.path("paper").path("id").asText(), e.path("paper").path("upvotes").asInt()));
        return upvotes;
    }

    @Nested
    class DailyPapers {
        @Test
        void aDayListsThePapersHuggingFaceFeaturedThatDay() throws IOException {
            JsonNode items = ok("/api/daily_papers?date=2026-08-21");
            Map<String, Integer> captured = fixtureDay("2026-08-21");

            assertThat(items.isArray()).isTrue();
            assertThat(ids(items)).hasSize(17).containsExactlyInAnyOrderElementsOf(captured.keySet());
            items.forEach(item -> assertThat(item.path("paper").path("upvotes").asInt())
                    .as(item.path("paper").path("id").asText())
                    .isEqualTo(captured.get(item.path("paper").path("id").asText())));
        }

        @Test
        void itemsHaveTheFieldsHuggingFaceClientsRead() {
            for (JsonNode item : ok("/api/daily_papers?date=2026-08-21")) {
                JsonNode paper = item.path("paper");
                String id = paper.path("id").asText();
                assertThat(id).matches("2608\\.\\d{5}");
                assertThat(paper.path("title").asText()).as(id).isNotBlank();
                assertThat(paper.path("summary").asText()).as(id).isNotBlank();
                assertThat(paper.path("upvotes").isInt()).as(id).isTrue();
                assertThat(paper.path("authors").isArray()).as(id).isTrue();
                assertThat(paper.path("authors")).as(id).isNotEmpty()
                        .allSatisfy(a -> assertThat(a.path("name").asText()).isNotBlank());
                assertThat(paper.path("publishedAt").asText()).as(id).matches(INSTANT);
                assertThat(item.path("publishedAt").asText()).as(id).startsWith("2026-08-21T").matches(INSTANT);
                assertThat(item.path("title").asText()).as(id).isEqualTo(paper.path("title").asText());
                assertThat(item.path("summary").asText()).as(id).isEqualTo(paper.path("summary").asText());
                assertThat(item.path("numComments").isInt()).as(id).isTrue();
            }
        }

        @Test
        void aKnownPaperKeepsItsArxivDateAndFeaturedDayApart() {
            JsonNode envHarness = StreamSupport.stream(ok("/api/daily_papers?date=2026-08-21").spliterator(), false)
                    .filter(i -> i.path("paper").path("id").asText().equals("2608.19880"))
                    .findFirst().orElseThrow();

            assertThat(envHarness.path("paper").path("publishedAt").asText()).isEqualTo("2026-08-20T00:00:00.000Z");
            assertThat(envHarness.path("paper").path("submittedOnDailyAt").asText()).isEqualTo("2026-08-21T00:00:00.000Z");
            assertThat(envHarness.path("paper").path("upvotes").asInt()).isEqualTo(163);
            assertThat(envHarness.path("paper").path("authors")).hasSize(17);
            assertThat(envHarness.path("paper").path("authors").get(0).path("name").asText()).isEqualTo("Chengsong Huang");
        }

        @Test
        void pagesAreDisjointAndCoverTheDay() {
            List<String> seen = new ArrayList<>();
            List<Integer> sizes = new ArrayList<>();
            for (int p = 0; p < 5; p++) {
                List<String> page = ids(ok("/api/daily_papers?date=2026-08-21&limit=5&p=" + p));
                sizes.add(page.size());
                seen.addAll(page);
            }

            assertThat(sizes).containsExactly(5, 5, 5, 2, 0);
            assertThat(seen).doesNotHaveDuplicates().hasSize(17);
        }

        @ParameterizedTest(name = "{0} lists {1} papers")
        @CsvSource({
                "week=2026-W34, 58",
                "month=2026-08, 99",
                "week=2026-W16, 22",
                "date=2020-01-01, 0",
                "week=2026-W20, 0",
                "month=2020-01, 0",
        })
        void weeksAndMonthsListTheirPapersOnce(String filter, int papers) {
            assertThat(ids(ok("/api/daily_papers?limit=100&" + filter))).hasSize(papers).doesNotHaveDuplicates();
        }

        @Test
        void trendingListsTheSamePapersInItsOwnOrder() {
            List<String> trending = ids(ok("/api/daily_papers?date=2026-08-21&sort=trending"));

            assertThat(trending).containsExactlyInAnyOrderElementsOf(ids(ok("/api/daily_papers?date=2026-08-21")));
            assertThat(ids(ok("/api/daily_papers?date=2026-08-21&sort=publishedAt"))).hasSize(17);
        }

        @Test
        void withoutAFilterListsEveryFeaturedPaperOnce() {
            List<String> all = new ArrayList<>();
            for (int p = 0; p < 4; p++) {
                all.addAll(ids(ok("/api/daily_papers?limit=100&p=" + p)));
            }
            // 240 entries on ten days; like a week or a month, the whole window counts the four
            // papers featured on two days once, on their first day
            assertThat(all).hasSize(PAPERS_IN_FIXTURES).doesNotHaveDuplicates();
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', textBlock = """
                date=2026-13-45                  | is not a date
                date=21.08.2026                  | is not a date
                week=2026-W60                    | week 60 does not exist in 2026
                week=2026-34                     | is not an ISO week
                month=2026-13                    | is not a month
                limit=0                          | limit must be from 1 to 100, not 0
                limit=101                        | limit must be from 1 to 100, not 101
                limit=ten                        | limit must be a whole number
                p=-1                             | p must be from 0
                sort=bogus                       | sort must be publishedAt or trending
                date=2026-08-21&week=2026-W34    | give at most one of date, week and month
                week=2026-W34&month=2026-08      | give at most one of date, week and month
                """)
        void badParametersAre400WithAMessage(String query, String message) {
            assertThat(error("/api/daily_papers?" + query, 400)).contains(message);
        }
    }

    @Nested
    class OnePaper {
        @Test
        void knownPaperHasItsFields() {
            JsonNode paper = ok("/api/papers/2608.19880");

            assertThat(paper.path("id").asText()).isEqualTo("2608.19880");
            assertThat(paper.path("title").asText()).isEqualTo("EnvHarness: Awakening Static Worlds for Agent Learning");
            assertThat(paper.path("summary").asText()).startsWith("LLM agents learn by interacting with environments");
            assertThat(paper.path("upvotes").asInt()).isEqualTo(163);
            assertThat(paper.path("publishedAt").asText()).isEqualTo("2026-08-20T00:00:00.000Z");
            assertThat(paper.path("authors")).hasSize(17);
            assertThat(paper.path("authors").get(16).path("name").asText()).isEqualTo("Chen-Yu Lee");
            assertThat(paper.has("comments")).isFalse();
        }

        @Test
        void versionedAndPrefixedIdsFindThePaper() {
            assertThat(ok("/api/papers/2608.19880v2").path("id").asText()).isEqualTo("2608.19880");
            assertThat(ok("/api/papers/arXiv:2608.19880").path("id").asText()).isEqualTo("2608.19880");
        }

        @Test
        void commentsFieldAddsAnEmptyList() {
            JsonNode comments = ok("/api/papers/2608.19880?field=comments").path("comments");

            assertThat(comments.isArray()).isTrue();
            assertThat(comments).isEmpty();
        }

        @Test
        void unknownPaperIs404() {
            assertThat(error("/api/papers/2101.00001", 404)).contains("2101.00001");
            assertThat(error("/api/papers/hep-th/9901001", 404)).contains("hep-th/9901001");
        }

        @Test
        void unknownApiPathIsAJson404() {
            assertThat(error("/api/no-such-endpoint", 404)).contains("/api/no-such-endpoint");
        }

        @ParameterizedTest
        @ValueSource(strings = {"not-an-id", "2608.1", "1234", "2608.19880x"})
        void whatCannotBeAnIdIs400(String id) {
            assertThat(error("/api/papers/" + id, 400)).contains("not an arXiv id");
        }

        /** huggingface_hub's own tests ask for 1234.56789 and expect "not found". */
        @ParameterizedTest
        @ValueSource(strings = {"1234.56789", "2613.00001", "hep-th/0801001"})
        void anIdSpelledRightThatArxivNeverAssignedIs404(String id) {
            assertThat(error("/api/papers/" + id, 404)).contains(id);
            assertThat(error("/api/papers/" + id + "/related", 404)).contains(id);
        }

        @Test
        void aFeaturedPaperHasTheFieldsHuggingFaceSendsForOnePaper() {
            JsonNode paper = ok("/api/papers/2608.19880");

            assertThat(paper.path("submittedOnDailyAt").asText()).isEqualTo("2026-08-21T00:00:00.000Z");
            assertThat(paper.path("discussionId").asText()).isEqualTo("2608.19880");
            assertThat(paper.path("numComments").isInt()).isTrue();
            assertThat(paper.path("numComments").asInt()).isEqualTo(1); // as imported
            for (String linked : List.of("linkedModels", "linkedDatasets", "linkedSpaces")) {
                assertThat(paper.path(linked).isArray()).as(linked).isTrue();
                assertThat(paper.path(linked)).as(linked).isEmpty();
            }
            assertThat(paper.path("numTotalModels").isInt()).isTrue();
            assertThat(paper.path("numTotalModels").asInt()).isZero();
            assertThat(paper.path("numTotalDatasets").asInt()).isZero();
            assertThat(paper.path("ai_summary_model").asText()).isEqualTo("thinkingmachines/Inkling-Small");
        }

        @Test
        void aPaperOnTwoDaysWasLastSubmittedOnTheLaterOne() {
            assertThat(ok("/api/papers/2608.13558").path("submittedOnDailyAt").asText()).startsWith("2026-08-20T");
        }

        @Test
        void mediaFromTheImportAreServed() {
            JsonNode media = null;
            for (JsonNode item : ok("/api/daily_papers?limit=100")) {
                if (item.has("mediaUrls")) {
                    media = item;
                    break;
                }
            }
            assertThat(media).as("an item with mediaUrls in the fixtures").isNotNull();
            String id = media.path("paper").path("id").asText();
            assertThat(ok("/api/papers/" + id).path("mediaUrls")).isEqualTo(media.path("mediaUrls"));
            assertThat(media.path("mediaUrls").get(0).asText()).startsWith("https://");
        }

        @Test
        void usersAreAbsentUntilTheCommunityFeaturesArrive() {
            JsonNode item = ok("/api/daily_papers?date=2026-08-21").get(0);

            assertThat(item.has("submittedBy")).isFalse();
            assertThat(item.path("paper").has("submittedOnDailyBy")).isFalse();
            assertThat(ok("/api/papers/2608.19880").has("submittedOnDailyBy")).isFalse();
            assertThat(ok("/api/daily_papers?submitter=taesiri")).isEmpty();
        }
    }

    @Nested
    class Search {
        @Test
        void returnsAtMostTheLimitWithTheFieldsClientsRead() {
            JsonNode items = ok("/api/papers/search?q=agent&limit=3");

            assertThat(items).hasSize(3);
            for (JsonNode item : items) {
                assertThat(item.path("paper").path("id").asText()).matches("\\d{4}\\.\\d{4,5}");
                assertThat(item.path("paper").path("title").asText()).isNotBlank();
                assertThat(item.path("paper").path("summary").asText()).isNotBlank();
            }
        }

        @Test
        void itemsHaveTheDailyListShapeThatListPapersReads() {
            JsonNode item = ok("/api/papers/search?q=" + enc("envharness awakening static worlds")).get(0);

            assertThat(item.path("title").asText()).isEqualTo("EnvHarness: Awakening Static Worlds for Agent Learning");
            assertThat(item.path("summary").asText()).startsWith("LLM agents learn");
            assertThat(item.path("publishedAt").asText()).isEqualTo("2026-08-21T00:00:00.000Z"); // when featured
            assertThat(item.path("numComments").isInt()).isTrue();
            assertThat(item.path("thumbnail").asText()).endsWith("/papers/2608.19880.png");
            assertThat(item.path("paper").path("submittedOnDailyAt").asText()).isEqualTo("2026-08-21T00:00:00.000Z");
        }

        @Test
        void bestMatchComesFirst() {
            assertThat(ids(ok("/api/papers/search?q=" + enc("envharness awakening static worlds")))).startsWith("2608.19880");
            assertThat(ids(ok("/api/papers/search?q=" + enc("\"static worlds\"")))).containsExactly("2608.19880");
        }

        @Test
        void queryThatIsNotSyntaxStillAnswers() {
            assertThat(ok("/api/papers/search?q=" + enc("foo(")).isArray()).isTrue();
        }

        @Test
        void modesFiltersAndSortAreReadAndBadValuesAre400() {
            HttpResponse<String> semantic = server.get("/api/papers/search?q=mamba&mode=semantic");
            assertThat(semantic.statusCode()).isEqualTo(200);
            assertThat(semantic.headers().firstValue("X-Search-Mode")).hasValue("keyword");
            assertThat(semantic.headers().firstValue("X-Search-Notice")).hasValueSatisfying(n -> assertThat(n).contains("turned off"));
            assertThat(semantic.headers().firstValue("X-Total-Count")).hasValue("3");
            assertThat(ids(ok("/api/papers/search?q=mamba&sort=date&to=2024-12-31"))).containsExactly("2405.15574");
            assertThat(ids(ok("/api/papers/search?q=mamba&cat=cs.LG"))).isEmpty(); // daily-papers files carry no categories
            assertThat(error("/api/papers/search?q=mamba&mode=fuzzy", 400)).contains("mode must be keyword, semantic or hybrid");
            assertThat(error("/api/papers/search?q=mamba&sort=stars", 400)).contains("sort must be relevance, date or upvotes");
            assertThat(error("/api/papers/search?q=mamba&from=2026-13-01", 400)).contains("from must be a date");
            assertThat(error("/api/papers/search?q=mamba&from=2026-02-01&to=2026-01-01", 400)).contains("after");
            assertThat(error("/api/papers/search?q=mamba&featured=maybe", 400)).contains("featured must be true or false");
        }

        @Test
        void offsetPagesThroughTheSameRanking() {
            List<String> all = ids(ok("/api/papers/search?q=agent&limit=10"));
            List<String> second = ids(ok("/api/papers/search?q=agent&limit=5&offset=5"));

            assertThat(second).isEqualTo(all.subList(5, 10));
        }

        @Test
        void anArxivIdOrLinkGivesThatPaperAsTheOneResult() {
            for (String q : List.of("2608.19880", "arXiv:2608.19880v2", "https://arxiv.org/abs/2608.19880")) {
                HttpResponse<String> response = server.get("/api/papers/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));

                assertThat(ids(json(response))).as(q).containsExactly("2608.19880");
                assertThat(response.headers().firstValue("X-Total-Count")).as(q).hasValue("1");
                assertThat(response.headers().firstValue("X-Search-Mode")).as(q).hasValue("id");
            }
            assertThat(ok("/api/papers/search?q=2608.19880&offset=1")).isEmpty();
        }

        @Test
        void anIdNotInTheIndexGivesNoResultAndSaysSo() {
            HttpResponse<String> response = server.get("/api/papers/search?q=2608.99999");

            assertThat(json(response)).isEmpty();
            assertThat(response.headers().firstValue("X-Total-Count")).hasValue("0");
            assertThat(response.headers().firstValue("X-Search-Notice")).hasValueSatisfying(n ->
                    assertThat(n).contains("not in this index", "./paperboy fetch 2608.99999"));
        }

        @Test
        void relatedPapersAreEmptyWithoutVectorsAnd404ForAnUnknownPaper() {
            assertThat(ok("/api/papers/2405.15738/related")).isEmpty();
            assertThat(error("/api/papers/2608.99999/related", 404)).contains("2608.99999");
            assertThat(error("/api/papers/nonsense/related", 400)).isNotBlank();
        }

        @Test
        void missingOrOverlongQueryIs400() {
            assertThat(error("/api/papers/search", 400)).contains("q is required");
            assertThat(error("/api/papers/search?q=", 400)).contains("q is required");
            assertThat(error("/api/papers/search?q=" + "a".repeat(251), 400)).contains("at most 250 characters");
            assertThat(ok("/api/papers/search?q=" + "a".repeat(250)).isArray()).isTrue();
        }

        @ParameterizedTest
        @ValueSource(strings = {"0", "121", "x"})
        void badLimitIs400(String limit) {
            assertThat(error("/api/papers/search?q=agent&limit=" + limit, 400)).contains("limit");
        }
    }

    @Nested
    class AllPapers {
        static final Pattern NEXT = Pattern.compile("<([^>]+)>; rel=\"next\"");

        @ParameterizedTest(name = "limit={0}")
        @ValueSource(ints = {5, 4, 100})
        void followingTheNextLinksVisitsEveryPaperOnce(int limit) {
            List<String> seen = new ArrayList<>();
            String next = "/api/papers?limit=" + limit;
            int requests = 0;
            while (next != null) {
                assertThat(++requests).as("requests to page through").isLessThan(200);
                HttpResponse<String> response = server.get(next);
                assertThat(response.statusCode()).as(next).isEqualTo(200);
                JsonNode page = json(response);
                assertThat(page.size()).isLessThanOrEqualTo(limit);
                page.forEach(p -> seen.add(p.path("id").asText()));
                next = response.headers().firstValue("Link").map(ApiRoutesTest.AllPapers::nextLink).orElse(null);
                if (next != null) {
                    String origin = "http://localhost:" + server.port();
                    assertThat(next).as("huggingface_hub follows it as a URL").startsWith(origin + "/api/papers?");
                    next = next.substring(origin.length());
                }
            }

            assertThat(seen).doesNotHaveDuplicates().hasSize(PAPERS_IN_FIXTURES);
            assertThat((long) seen.size()).isEqualTo(server.app().papers().count());
        }

        @Test
        void newestArxivDateComesFirst() {
            List<String> dates = StreamSupport.stream(ok("/api/papers?limit=100").spliterator(), false)
                    .map(p -> p.path("publishedAt").asText()).toList();

            assertThat(dates).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        }

        @ParameterizedTest
        @ValueSource(strings = {"!!!", "bm90LWEtY3Vyc29y", "YWJjOmRlZg", "%20"})
        void aCursorThisServerDidNotHandOutIs400(String cursor) {
            HttpResponse<String> response = server.get("/api/papers?cursor=" + cursor);
            if (cursor.equals("%20")) {
                // a blank cursor is no cursor
                assertThat(response.statusCode()).isEqualTo(200);
                return;
            }
            assertThat(error("/api/papers?cursor=" + cursor, 400)).contains("cursor");
        }

        static String nextLink(String header) {
            Matcher m = NEXT.matcher(header);
            assertThat(m.find()).as("a next link in %s", header).isTrue();
            return m.group(1);
        }
    }

    @Nested
    class Health {
        @Test
        void storeAndIndexAgree() {
            JsonNode health = ok("/healthz");

            assertThat(health.path("status").asText()).isEqualTo("ok");
            assertThat(health.path("store").path("reachable").asBoolean()).isTrue();
            assertThat(health.path("store").path("papers").asLong()).isEqualTo(PAPERS_IN_FIXTURES);
            assertThat(health.path("index").path("papers").asLong()).isEqualTo(health.path("store").path("papers").asLong());
            assertThat(health.path("store").path("featuredDays").asLong()).isEqualTo(10);
            assertThat(health.path("embeddings").path("state").asText()).isEqualTo("off");
        }
    }

    static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
