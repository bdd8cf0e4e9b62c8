package paperboy.api;

import static org.assertj.core.api.Assertions.assertThat;
import static paperboy.FixtureServer.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import paperboy.FixtureServer;

/**
 * Paperboy's answers held against real Hugging Face ones ({@code src/test/resources/contract}):
 * with the recorded days imported, every field a recorded list item (top level, {@code paper},
 * each author) has, Paperboy's item for the same paper has too, with the same JSON type; and every
 * field of a recorded {@code paper} object is in {@code /api/papers/{id}}. The fields Paperboy
 * does not send are listed below with the reason, and the test checks they are absent rather
 * than wrong. Fields Paperboy keeps from the import as they came must also have the same value.
 */
class HfContractTest {
    /** Top-level item fields Paperboy leaves out, and why. */
    static final Map<String, String> NOT_ON_ITEMS = Map.of(
            "submittedBy", "the user who submitted the paper: comes with the community issue",
            "submitterOrganization", "the submitter's organisation: comes with submitters (community issue)",
            "isAuthorParticipating", "whether an author takes part in the discussion: needs users (community issue)",
            "mediaUrl", "2024's name of the thumbnail image: served as thumbnail, which has replaced it");
    /** {@code paper} fields Paperboy leaves out, and why. */
    static final Map<String, String> NOT_ON_PAPERS = Map.of(
            "submittedOnDailyBy", "the user who submitted the paper: comes with the community issue",
            "githubRepoAddedBy", "whether a user or the authors linked the repository: needs users (community issue)");
    /** Author fields Paperboy leaves out, and why. */
    static final Map<String, String> NOT_ON_AUTHORS = Map.of(
            "_id", "Hugging Face's id of the author entry: Paperboy stores author names only",
            "user", "the author's Hugging Face account: user data (community issue)",
            "status", "whether the author claimed the paper: user data (community issue)",
            "statusLastChangedAt", "when the author claimed it: user data (community issue)");
    /** Fields kept from the import as they came, so equal in value too. */
    static final Set<String> SAME_VALUE_ON_ITEMS = Set.of("thumbnail", "mediaUrls", "organization", "numComments");
    static final Set<String> SAME_VALUE_ON_PAPERS = Set.of("id", "upvotes", "publishedAt", "submittedOnDailyAt",
            "githubRepo", "githubStars", "projectPage", "ai_summary_model", "mediaUrls", "organization");

    @TempDir
    static Path data;
    static FixtureServer server;

    @BeforeAll
    static void start() throws IOException {
        server = FixtureServer.startWithDays(data, FixtureServer.resource("/contract/hf-days"));
    }

    @AfterAll
    static void stop() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    static Stream<String> days() throws IOException {
        try (Stream<Path> files = Files.list(FixtureServer.resource("/contract/hf-days"))) {
            return files.map(f -> f.getFileName().toString().replace(".json", "")).sorted().toList().stream();
        }
    }

    static JsonNode recorded(String day) throws IOException {
        return new ObjectMapper().readTree(FixtureServer.resource("/contract/hf-days/" + day + ".json").toFile());
    }

    static JsonNode ok(String path) {
        HttpResponse<String> response = server.get(path);
        assertThat(response.statusCode()).as("status of %s", path).isEqualTo(200);
        return json(response);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("days")
    void aDailyListItemHasEveryFieldOfTheRealOneWithItsType(String day) throws IOException {
        Map<String, JsonNode> served = byId(ok("/api/daily_papers?limit=100&date=" + day));
        SoftAssertions softly = new SoftAssertions();
        for (JsonNode real : recorded(day)) {
            String id = real.path("paper").path("id").asText();
            JsonNode ours = served.get(id);
            softly.assertThat(ours).as("%s on %s", id, day).isNotNull();
            if (ours != null) {
                sameFields(softly, day + " item " + id, real, ours, NOT_ON_ITEMS, SAME_VALUE_ON_ITEMS);
                sameFields(softly, day + " paper " + id, real.get("paper"), ours.get("paper"), NOT_ON_PAPERS,
                        SAME_VALUE_ON_PAPERS);
                sameAuthorFields(softly, day + " authors of " + id, real.get("paper"), ours.get("paper"));
            }
        }
        softly.assertAll();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("days")
    void aSearchResultIsTheSameItem(String day) throws IOException {
        SoftAssertions softly = new SoftAssertions();
        for (JsonNode real : recorded(day)) {
            String id = real.path("paper").path("id").asText();
            JsonNode found = ok("/api/papers/search?q=" + id);
            softly.assertThat(found).as("search for %s", id).hasSize(1);
            if (found.size() == 1) {
                sameFields(softly, "search " + id, real, found.get(0), NOT_ON_ITEMS, SAME_VALUE_ON_ITEMS);
                sameFields(softly, "search paper " + id, real.get("paper"), found.get(0).get("paper"), NOT_ON_PAPERS,
                        Set.of());
            }
        }
        softly.assertAll();
    }

    /** The last recorded day's {@code paper} objects are the freshest real answers for those papers. */
    @Test
    void onePaperHasEveryFieldOfTheRealPaperObject() throws IOException {
        String day = days().toList().getLast();
        SoftAssertions softly = new SoftAssertions();
        for (JsonNode real : recorded(day)) {
            String id = real.path("paper").path("id").asText();
            JsonNode ours = ok("/api/papers/" + id);
            sameFields(softly, "/api/papers/" + id, real.get("paper"), ours, NOT_ON_PAPERS, SAME_VALUE_ON_PAPERS);
            sameAuthorFields(softly, "/api/papers/" + id + " authors", real.get("paper"), ours);
        }
        softly.assertAll();
    }

    /** The recorded days hold every field this test speaks of, so none of its lists is stale. */
    @Test
    void theRecordedDaysHaveTheFieldsTheTestNames() throws IOException {
        Set<String> top = new TreeSet<>();
        Set<String> paper = new TreeSet<>();
        for (String day : days().toList()) {
            for (JsonNode item : recorded(day)) {
                item.fieldNames().forEachRemaining(top::add);
                item.get("paper").fieldNames().forEachRemaining(paper::add);
            }
        }
        // the users were removed from the copy (see its README); the rest is as captured
        assertThat(top).contains("isAuthorParticipating", "mediaUrl", "thumbnail", "mediaUrls", "organization")
                .doesNotContain("submittedBy", "submitterOrganization");
        assertThat(paper).contains("githubRepoAddedBy", "ai_summary_model", "organization", "mediaUrls", "discussionId")
                .doesNotContain("submittedOnDailyBy");
        assertThat(SAME_VALUE_ON_PAPERS).allMatch(paper::contains);
    }

    private static void sameFields(SoftAssertions softly, String where, JsonNode real, JsonNode ours,
            Map<String, String> leftOut, Set<String> sameValue) {
        real.fieldNames().forEachRemaining(field -> {
            if (leftOut.containsKey(field)) {
                return;
            }
            softly.assertThat(ours.has(field)).as("%s: has %s", where, field).isTrue();
            if (ours.has(field)) {
                softly.assertThat(ours.get(field).getNodeType()).as("%s: type of %s", where, field)
                        .isEqualTo(real.get(field).getNodeType());
                if (sameValue.contains(field)) {
                    softly.assertThat(ours.get(field)).as("%s: %s", where, field).isEqualTo(real.get(field));
                }
            }
        });
        leftOut.forEach((field, why) -> softly.assertThat(ours.has(field)).as("%s: %s is absent (%s)", where, field, why)
                .isFalse());
    }

    /** Authors are compared by field, not by position: Paperboy leaves out hidden ones. */
    private static void sameAuthorFields(SoftAssertions softly, String where, JsonNode realPaper, JsonNode ourPaper) {
        JsonNode ours = ourPaper.path("authors");
        softly.assertThat(ours.isEmpty()).as("%s: some authors", where).isFalse();
        for (JsonNode realAuthor : realPaper.path("authors")) {
            for (JsonNode ourAuthor : ours) {
                sameFields(softly, where, realAuthor, ourAuthor, NOT_ON_AUTHORS, Set.of());
            }
        }
    }

    private static Map<String, JsonNode> byId(JsonNode items) {
        Map<String, JsonNode> byId = new HashMap<>();
        items.forEach(i -> byId.put(i.path("paper").path("id").asText(), i));
        assertThat(byId).isNotEmpty();
        return byId;
    }
}
