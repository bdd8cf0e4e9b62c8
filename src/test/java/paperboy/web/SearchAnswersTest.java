package paperboy.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import paperboy.FixtureServer;

/**
 * What the search box answers on the bundled sample (keyword search, as before vectors exist):
 * every example the help and the README give finds papers, an arXiv id or link opens the paper, a
 * pasted paragraph is searched as a passage, and a category search says why the sample has none.
 */
class SearchAnswersTest {
    private static final Pattern HTML_CODE = Pattern.compile("<code>([^<]+)</code>");
    private static final Pattern README_CODE = Pattern.compile("`([^`]+)`");
    private static final Pattern COUNT = Pattern.compile("<p class=\"count\">(\\d+)\\+? results?");

    @TempDir
    static Path data;
    static FixtureServer server;

    @BeforeAll
    static void start() throws IOException {
        server = FixtureServer.startWithSample(data);
    }

    @AfterAll
    static void stop() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void everyExampleInTheSearchHelpWorksOnTheSample() {
        String help = ok("/search").body();
        String syntax = help.substring(help.indexOf("<dl class=\"syntax\">"), help.indexOf("</dl>"));

        List<String> examples = codes(HTML_CODE, syntax);

        assertThat(examples).contains("author:stoica", "cat:cs.CL", "2608.19880");
        examples.forEach(SearchAnswersTest::assertWorks);
    }

    @Test
    void everyExampleInTheReadmeSearchTableWorksOnTheSample() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        String table = readme.substring(readme.indexOf("| you type | it means |"));
        table = table.substring(0, table.indexOf("\n\n"));

        List<String> examples = new ArrayList<>();
        for (String row : table.lines().skip(2).toList()) {
            examples.addAll(codes(README_CODE, row.split("\\|")[1]));
        }

        assertThat(examples).hasSizeGreaterThan(6).contains("title:transformer");
        examples.forEach(SearchAnswersTest::assertWorks);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2608.19880", "arXiv:2608.19880v2", "https://arxiv.org/abs/2608.19880", " 2608.19880v1 "})
    void anArxivIdOrLinkOpensThePaper(String typed) {
        HttpResponse<String> response = server.get(search(typed));

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValue("/papers/2608.19880");
    }

    @Test
    void anIdNotInTheIndexSaysSoAndHowToFetchIt() {
        String body = ok(search("arXiv:2608.99999")).body();

        assertThat(body).contains("arXiv:2608.99999 is not in this index", "./paperboy fetch 2608.99999");
        assertThat(count(body)).isZero();
    }

    @Test
    void aQueryLongerThan250CharactersIsSearchedAsAPassage() {
        String paragraph = "LLM agents learn by interacting with environments, yet these environments are hand-built and "
                + "static: blind to an agent's weaknesses, and quickly left behind as it improves. While recent "
                + "environment generation methods attempt to address this, they require domain-specific pipelines.";
        assertThat(paragraph.length()).isGreaterThan(250);

        String body = ok(search(paragraph)).body();

        assertThat(body).contains("searched as a passage", "Papers like your text");
        assertThat(count(body)).isPositive();
        assertThat(cardIds(body)).contains("2608.19880");
        assertThat(body).doesNotContain("longer than 250 characters; shorten it");
    }

    @Test
    void aCategorySearchOnPapersWithoutCategoriesSaysWhy() {
        for (String query : List.of(search("cat:cs.CL"), search("diffusion") + "&cat=cs.CV")) {
            String body = ok(query).body();

            assertThat(count(body)).as(query).isZero();
            assertThat(body).as(query).contains("No paper here has arXiv categories yet", "harvest");
        }
    }

    /** Every example finds papers, except that an id opens its paper and a category explains its emptiness. */
    private static void assertWorks(String example) {
        HttpResponse<String> response = server.get(search(example));
        if (response.statusCode() == 302) {
            assertThat(response.headers().firstValue("Location")).as(example).hasValueSatisfying(l -> assertThat(l).startsWith("/papers/"));
            return;
        }
        String body = ok(search(example)).body();
        if (example.startsWith("cat:")) {
            assertThat(body).as(example).contains("No paper here has arXiv categories yet");
        } else {
            assertThat(count(body)).as(example).isPositive();
        }
    }

    private static List<String> codes(Pattern code, String text) {
        Matcher m = code.matcher(text);
        List<String> found = new ArrayList<>();
        while (m.find()) {
            String example = m.group(1).replace("&#34;", "\"").replace("&quot;", "\"").replace("&amp;", "&").strip();
            found.add(example);
        }
        return found;
    }

    private static HttpResponse<String> ok(String path) {
        HttpResponse<String> response = server.get(path);
        assertThat(response.statusCode()).as("status of %s: %s", path, response.body()).isEqualTo(200);
        return response;
    }

    /** The number on a search page's count line ("5 results, matched by words"). */
    static int count(String body) {
        Matcher m = COUNT.matcher(body);
        assertThat(m.find()).as("a count line in the page").isTrue();
        return Integer.parseInt(m.group(1));
    }

    private static List<String> cardIds(String body) {
        return WebPagesTest.cardIds(body);
    }

    private static String search(String query) {
        return "/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
    }
}
