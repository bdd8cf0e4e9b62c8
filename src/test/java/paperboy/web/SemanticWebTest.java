package paperboy.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paperboy.FixtureServer;

/**
 * Pages and API with embeddings on, against the real server whose 236 fixture papers were
 * embedded before it started: related papers, modes, "more like this" and embedding progress.
 * Vectors differ slightly between CPUs, so a paper is expected at a place only where it leads by
 * far more than that (SemanticSearchTest checks the nearest papers against exact ones).
 */
class SemanticWebTest {
    private static final String CONV_LLAVA = "2405.15738";

    @TempDir
    static Path data;
    static FixtureServer server;

    @BeforeAll
    static void start() throws IOException {
        server = FixtureServer.startWithEmbeddings(data);
    }

    @AfterAll
    static void stop() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void healthShowsEveryPaperEmbedded() {
        JsonNode embeddings = FixtureServer.json(server.get("/healthz")).path("embeddings");

        assertThat(embeddings.path("state").asText()).isEqualTo("done");
        assertThat(embeddings.path("embedded").asLong()).isEqualTo(236);
        assertThat(embeddings.path("total").asLong()).isEqualTo(236);
        assertThat(embeddings.path("model").asText()).startsWith("all-minilm-l6-v2");
        assertThat(embeddings.path("answering").asText()).startsWith("all-MiniLM-L6-v2");
        assertThat(embeddings.path("switching").asBoolean(true)).isFalse();
    }

    @Test
    void aPaperPageListsFiveRelatedPapersNotItself() {
        String page = server.get("/papers/" + CONV_LLAVA).body();

        assertThat(page).contains("Related papers");
        String related = page.substring(page.indexOf("Related papers"));
        assertThat(related.split("class=\"card\"", -1)).hasSize(6);
        assertThat(related).doesNotContain("href=\"/papers/" + CONV_LLAVA + "\"");
    }

    @Test
    void theRelatedApiGivesTheSamePapersInOrder() {
        JsonNode related = FixtureServer.json(server.get("/api/papers/" + CONV_LLAVA + "/related?limit=5"));

        List<String> ids = StreamSupport.stream(related.spliterator(), false).map(p -> p.path("id").asText()).toList();
        assertThat(ids).hasSize(5).doesNotContain(CONV_LLAVA).doesNotHaveDuplicates();
        String page = server.get("/papers/" + CONV_LLAVA).body();
        assertThat(page.indexOf("/papers/" + ids.get(0))).isLessThan(page.indexOf("/papers/" + ids.get(4)));
    }

    @Test
    void searchDefaultsToHybridAndTakesEveryMode() {
        String query = enc("high resolution visual encoder for multimodal models");

        assertThat(server.get("/search?q=" + query).body()).contains("matched by words and meaning");
        assertThat(server.get("/search?q=" + query + "&mode=semantic").body()).contains("matched by meaning").contains("Meaning by all-MiniLM-L6-v2 (quantised).");
        assertThat(server.get("/search?q=" + query + "&mode=keyword").body()).contains("matched by words<").doesNotContain("Meaning by");
        // ConvLLaVA is the nearest, 0.658 when measured, the next 0.524.
        HttpResponse<String> api = server.get("/api/papers/search?q=" + query + "&mode=semantic&limit=5");
        assertThat(api.headers().firstValue("X-Search-Mode")).hasValue("semantic");
        assertThat(api.body()).contains(CONV_LLAVA);
    }

    @Test
    void moreLikeThisFindsThePaperWhosAbstractWasPasted() {
        String abstractText = FixtureServer.json(server.get("/api/papers/" + CONV_LLAVA)).path("summary").asText();

        String page = server.get("/search?like=" + enc(abstractText)).body();

        assertThat(page).contains("Papers like your text");
        // Its own abstract: 0.947 when measured, the next paper 0.652.
        assertThat(page.indexOf("/papers/" + CONV_LLAVA)).isPositive();
        assertThat(page.indexOf("/papers/" + CONV_LLAVA)).isLessThan(page.indexOf("class=\"card\"", page.indexOf("class=\"card\"") + 1));
    }

    @Test
    void aLongPastedPassageOfNonLatinTextIsAccepted() {
        String passage = "注意力机制 transformers ".repeat(300).substring(0, 4999);

        HttpResponse<String> response = server.get("/search?like=" + enc(passage));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("Papers like your text");
    }

    @Test
    void nonsenseMatchesNothingByMeaningWhileRealQueriesKeepTheirResults() {
        // Before the floor each of these found 100 papers; here none is near the floor, but quantised
        // kNN scores differ a little between CPUs, so a stray one or two are allowed.
        assertThat(count(server.get("/search?q=qwertyuiop").body())).isLessThanOrEqualTo(2);
        assertThat(count(server.get("/search?q=qwertyuiop&mode=semantic").body())).isLessThanOrEqualTo(2);
        assertThat(count(server.get("/search?like=hello").body())).isLessThanOrEqualTo(2);
        HttpResponse<String> api = server.get("/api/papers/search?q=qwertyuiop&mode=semantic");
        assertThat(api.headers().firstValue("X-Total-Count")).hasValueSatisfying(n -> assertThat(Integer.parseInt(n)).isLessThanOrEqualTo(2));

        String query = enc("high resolution visual encoder for multimodal models");
        assertThat(count(server.get("/search?q=" + query + "&mode=semantic").body())).isGreaterThan(10);
        assertThat(count(server.get("/search?q=" + query).body())).isGreaterThan(10);
        String abstractText = FixtureServer.json(server.get("/api/papers/" + CONV_LLAVA)).path("summary").asText();
        assertThat(count(server.get("/search?like=" + enc(abstractText)).body())).isGreaterThan(10);
    }

    @Test
    void sortingByDateOrUpvotesOrdersThePapersThatContainTheWords() {
        String phrase = enc("\"sparse attention\"");
        List<String> containing = cardIds(server.get("/search?q=" + phrase + "&mode=keyword").body());
        assertThat(containing).hasSize(5); // the fixtures with the phrase in title or abstract

        for (String sort : List.of("date", "upvotes")) {
            String body = server.get("/search?q=" + phrase + "&sort=" + sort).body();

            assertThat(count(body)).as(sort).isEqualTo(5);
            assertThat(cardIds(body)).as(sort).containsExactlyInAnyOrderElementsOf(containing);
            assertThat(body).as(sort).contains("only papers that contain your words");
        }
        assertThat(cardIds(server.get("/search?q=" + phrase + "&sort=date").body()))
                .isEqualTo(cardIds(server.get("/search?q=" + phrase + "&mode=keyword&sort=date").body()));
    }

    private static int count(String body) {
        return SearchAnswersTest.count(body);
    }

    private static List<String> cardIds(String body) {
        return WebPagesTest.cardIds(body);
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
