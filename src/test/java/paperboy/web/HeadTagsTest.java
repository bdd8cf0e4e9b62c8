package paperboy.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import paperboy.FixtureServer;
import paperboy.paper.ArxivId;
import paperboy.paper.Paper;
import paperboy.paper.PaperUpdate;

/**
 * What pages say in their {@code <head>}: the canonical address of every page, and the OpenGraph
 * and Twitter card preview of a paper page, with {@code PAPERBOY_BASE_URL} set, for the fixture
 * days plus a paper whose title and abstract try to break out of an attribute.
 */
class HeadTagsTest {
    static final String BASE = "https://papers.example.org";
    static final String HOSTILE_ID = "2607.00002";
    static final String HOSTILE_TITLE = "Probing \"quotes\" & 'apostrophes' <script>alert(1)</script> in previews";
    static final String ABSTRACT = "We \"quote\" <script>alert(2)</script> and\nbreak lines.  " + "Then we go on at length. ".repeat(20);

    @TempDir
    static Path data;
    static FixtureServer server;

    @BeforeAll
    static void start() throws IOException {
        server = FixtureServer.startAt(data, URI.create(BASE), app -> app.papers().upsert(List.of(new PaperUpdate(
                new Paper(new ArxivId(HOSTILE_ID), 2, HOSTILE_TITLE, ABSTRACT, List.of("Mallory"), List.of("cs.CR"),
                        Instant.parse("2026-06-30T00:00:00Z"), null, null, null, new Paper.Community(3, 0, null, List.of())),
                LocalDate.of(2026, 7, 1), null)), "test"));
    }

    @AfterAll
    static void stop() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    static String page(String path) {
        HttpResponse<String> response = server.get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    /** The head's meta tags, property or name to content, attribute escapes undone. */
    static Map<String, String> meta(String html) {
        Map<String, String> tags = new LinkedHashMap<>();
        Matcher m = Pattern.compile("<meta (?:property|name)=\"([^\"]+)\" content=\"([^\"]*)\">").matcher(head(html));
        while (m.find()) {
            tags.put(m.group(1), unescape(m.group(2)));
        }
        return tags;
    }

    static String canonical(String html) {
        Matcher m = Pattern.compile("<link rel=\"canonical\" href=\"([^\"]*)\">").matcher(head(html));
        assertThat(m.find()).as("a canonical link in the head").isTrue();
        String href = unescape(m.group(1));
        assertThat(m.find()).as("only one canonical link").isFalse();
        return href;
    }

    static String head(String html) {
        return html.substring(0, html.indexOf("</head>"));
    }

    static String unescape(String attribute) {
        return attribute.replace("&#34;", "\"").replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }

    @Test
    void aPaperPageHasAPreviewWithItsTitleTheStartOfItsAbstractAndItsAddress() {
        Map<String, String> tags = meta(page("/papers/" + HOSTILE_ID));

        assertThat(tags).containsEntry("og:title", HOSTILE_TITLE)
                .containsEntry("og:type", "article")
                .containsEntry("og:site_name", "Paperboy")
                .containsEntry("og:url", BASE + "/papers/" + HOSTILE_ID)
                .containsEntry("twitter:card", "summary");
        String description = tags.get("og:description");
        assertThat(description).startsWith("We \"quote\" <script>alert(2)</script> and break lines. Then we go on")
                .endsWith("…").hasSizeLessThanOrEqualTo(200).doesNotContain("\n", "  ");
        String oneLine = ABSTRACT.replaceAll("\\s+", " ");
        String kept = description.substring(0, description.length() - 1);
        assertThat(oneLine).startsWith(kept);
        assertThat(oneLine.charAt(kept.length())).as("cut between words").isEqualTo(' ');
        assertThat(tags).containsEntry("description", description);
    }

    @Test
    void titleAndAbstractCannotLeaveTheirAttributes() {
        String head = head(page("/papers/" + HOSTILE_ID));
        String tags = head.substring(head.indexOf("<meta property="));

        // A double-quoted attribute ends only at a quote; markup stays text (jte escapes both).
        assertThat(tags).doesNotContain("<script>", "\"quotes\"")
                .contains("<meta property=\"og:title\" content=\"Probing &#34;quotes&#34; &amp; &#39;apostrophes&#39; &lt;script>alert(1)&lt;/script> in previews\">");
    }

    @Test
    void aVersionedAddressIsCanonicalToTheBareId() {
        assertThat(canonical(page("/papers/2608.19880"))).isEqualTo(BASE + "/papers/2608.19880");
        assertThat(server.get("/papers/2608.19880v2").headers().firstValue("Location")).hasValue("/papers/2608.19880");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "/, /",
        "/?page=1&utm_source=chat, /",
        "/papers/date/2026-08-21, /papers/date/2026-08-21",
        "/papers/date/2026-08-21?utm_source=chat, /papers/date/2026-08-21",
        "/papers/week/2026-W34, /papers/week/2026-W34",
        "/papers/month/2026-06?page=2, /papers/month/2026-06?page=2",
        "/papers/month/2026-06?page=1, /papers/month/2026-06",
        "/search, /search",
        "/search?sort=relevance&q=agent, /search?q=agent",
        "/search?q=agent&page=2, /search?q=agent&page=2",
        "/search?featured=true&q=agent&cat=&sort=date, /search?q=agent&sort=date&featured=true"})
    void everyPageNamesItsCanonicalAddress(String path, String canonical) {
        assertThat(canonical(page(path))).isEqualTo(BASE + canonical);
    }

    @Test
    void listsHaveNoPreviewAndSearchResultsAreKeptOutOfIndexes() {
        assertThat(meta(page("/papers/date/2026-08-21"))).doesNotContainKeys("og:title", "robots");
        assertThat(meta(page("/search?q=agent"))).containsEntry("robots", "noindex, follow").doesNotContainKey("og:title");
        assertThat(meta(page("/search"))).doesNotContainKey("robots");
    }

    @Test
    void anErrorPageHasNoCanonicalAddress() {
        HttpResponse<String> missing = server.get("/papers/2101.00001");

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(head(missing.body())).doesNotContain("rel=\"canonical\"").contains("rel=\"icon\"");
    }

    @Test
    void theApiAndTheMarkdownPointAtTheConfiguredAddressNotTheRequestsHost() {
        HttpResponse<String> list = server.get("/api/papers?limit=1");

        assertThat(list.headers().firstValue("Link")).hasValueSatisfying(link -> assertThat(link).startsWith("<" + BASE + "/api/papers?"));
        assertThat(page("/papers/" + HOSTILE_ID + ".md")).contains(BASE + "/papers/" + HOSTILE_ID);
        assertThat(page("/api")).contains(BASE + "/api/papers").doesNotContain("localhost:" + server.port());
    }
}
