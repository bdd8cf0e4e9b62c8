package paperboy.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import paperboy.FixtureServer;
import paperboy.RawHttp;
import paperboy.http.PageCache;
import paperboy.http.SiteUrl;

/**
 * The files at the site's root (favicon, robots.txt, the sitemap) on the real server with the
 * fixture days, and the sitemap split into an index and files on a server whose files hold 7 papers.
 */
class SiteFilesTest {
    static final int SMALL_PAGE = 7;
    /** A base URL with a character XML must escape in every {@code <loc>}. */
    static final String ODD_BASE = "https://papers.example.org/r&d";

    @TempDir
    static Path data;
    static FixtureServer server;
    static Javalin small;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws IOException {
        server = FixtureServer.start(data);
        var papers = server.app().papers();
        small = Javalin.create(config -> {
            new SiteRoutes(papers, SiteUrl.of(URI.create(ODD_BASE)),
                    new PageCache(() -> new PageCache.Version(papers.lastChangeNo(), 0), 8), SMALL_PAGE).addTo(config.routes);
            new Errors(Pages.precompiled()).addTo(config.routes);
        }).start(0);
    }

    @AfterAll
    static void stop() throws IOException {
        if (small != null) {
            small.stop();
        }
        if (server != null) {
            server.close();
        }
    }

    static HttpResponse<byte[]> bytes(int port, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    static Document xml(byte[] body) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(body));
    }

    /**
     * The protocol's rules for one file: the root in the sitemap namespace, at most 50,000 entries,
     * each with one absolute http(s) {@code <loc>} under {@code base} shorter than 2,048 characters
     * and, when there is one, a W3C Datetime {@code lastmod}. Returns the locs.
     */
    static List<String> entries(Document doc, String root, String entry, String base) {
        Element top = doc.getDocumentElement();
        assertThat(top.getNamespaceURI()).isEqualTo("http://www.sitemaps.org/schemas/sitemap/0.9");
        assertThat(top.getLocalName()).isEqualTo(root);
        List<String> locs = new ArrayList<>();
        for (Node n = top.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                assertThat(e.getNamespaceURI()).isEqualTo(top.getNamespaceURI());
                assertThat(e.getLocalName()).isEqualTo(entry);
                var loc = e.getElementsByTagNameNS(top.getNamespaceURI(), "loc");
                assertThat(loc.getLength()).isEqualTo(1);
                String text = loc.item(0).getTextContent();
                URI uri = URI.create(text);
                assertThat(uri.isAbsolute()).as(text).isTrue();
                assertThat(uri.getScheme()).isIn("http", "https");
                assertThat(text).startsWith(base).hasSizeLessThan(2048);
                var lastmod = e.getElementsByTagNameNS(top.getNamespaceURI(), "lastmod");
                if (lastmod.getLength() > 0) {
                    OffsetDateTime.parse(lastmod.item(0).getTextContent()); // W3C Datetime with seconds and zone
                }
                locs.add(text);
            }
        }
        assertThat(locs).isNotEmpty().hasSizeLessThanOrEqualTo(50_000);
        return locs;
    }

    @Test
    void theSitemapListsEveryPaperPageWithAnAbsoluteAddressThatAnswers() throws Exception {
        HttpResponse<byte[]> response = bytes(server.port(), "/sitemap.xml");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/xml"));
        String base = "http://localhost:" + server.port();
        List<String> locs = entries(xml(response.body()), "urlset", "url", base);
        assertThat(locs).hasSize((int) server.app().papers().count()).doesNotHaveDuplicates()
                .contains(base + "/papers/2608.19880");
        for (String loc : locs.subList(0, 5)) {
            assertThat(server.get(loc.substring(base.length())).statusCode()).as(loc).isEqualTo(200);
        }
    }

    @Test
    void aStoreLargerThanOneFileGetsAnIndexOfFilesThatTogetherHoldEveryPaperOnce() throws Exception {
        long count = server.app().papers().count();
        long files = (count + SMALL_PAGE - 1) / SMALL_PAGE;

        HttpResponse<byte[]> index = bytes(small.port(), "/sitemap.xml");

        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(new String(index.body(), java.nio.charset.StandardCharsets.UTF_8)).contains("/r&amp;d/sitemap-1.xml");
        List<String> fileLocs = entries(xml(index.body()), "sitemapindex", "sitemap", ODD_BASE);
        assertThat(fileLocs).hasSize((int) files).first().isEqualTo(ODD_BASE + "/sitemap-1.xml");
        List<String> papers = new ArrayList<>();
        for (String loc : fileLocs) {
            HttpResponse<byte[]> file = bytes(small.port(), loc.substring(ODD_BASE.length()));
            assertThat(file.statusCode()).as(loc).isEqualTo(200);
            List<String> locs = entries(xml(file.body()), "urlset", "url", ODD_BASE + "/papers/");
            assertThat(locs).hasSizeLessThanOrEqualTo(SMALL_PAGE);
            papers.addAll(locs);
        }
        assertThat(papers).hasSize((int) count).doesNotHaveDuplicates();
        assertThat(new HashSet<>(papers)).contains(ODD_BASE + "/papers/2608.19880");
    }

    @Test
    void aSitemapFilePastTheLastIsNotFound() throws Exception {
        long files = (server.app().papers().count() + SMALL_PAGE - 1) / SMALL_PAGE;
        for (String path : List.of("/sitemap-" + (files + 1) + ".xml", "/sitemap-0.xml", "/sitemap-x.xml", "/sitemap-01.xml")) {
            HttpResponse<byte[]> response = bytes(small.port(), path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(new String(response.body(), java.nio.charset.StandardCharsets.UTF_8)).as(path).contains("There is no sitemap file");
        }
    }

    @Test
    void eachHostGetsASitemapOfItsOwnAddressesEvenWhenCached() {
        for (String host : List.of("a.example", "b.example:8080", "a.example")) {
            RawHttp.Answer answer = RawHttp.send(server.port(),
                    "GET /sitemap.xml HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n");
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body()).as(host).contains("<loc>http://" + host + "/papers/")
                    .doesNotContain(host.startsWith("a") ? "b.example" : "a.example");
        }
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "HEAD {0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"/", "/papers/2608.19880", "/papers/date/2026-08-21",
        "/search?q=agent", "/api/daily_papers", "/api/papers/2608.19880", "/api/papers/search?q=agent", "/robots.txt",
        "/sitemap.xml", "/sitemap-1.xml", "/favicon.ico", "/favicon.svg", "/static/paperboy.css"})
    void headAnswersWithTheContentTypeOfGetAndNoBody(String target) {
        RawHttp.Answer get = RawHttp.request(server.port(), "GET", target);
        RawHttp.Answer head = RawHttp.request(server.port(), "HEAD", target);

        assertThat(get.status()).isEqualTo(200);
        assertThat(get.body()).isNotEmpty();
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.contentType()).isNotEmpty().isEqualTo(get.contentType());
        assertThat(head.body()).isEmpty();
    }

    @Test
    void robotsTxtAllowsPagesKeepsCrawlersOffSearchAndTheApiAndPointsAtTheSitemap() {
        HttpResponse<String> response = server.get("/robots.txt");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
        List<String> lines = response.body().lines().toList();
        assertThat(lines).contains("User-agent: *", "Disallow: /search", "Disallow: /api/",
                "Sitemap: http://localhost:" + server.port() + "/sitemap.xml");
        assertThat(lines).noneMatch(l -> l.startsWith("Disallow: /papers") || l.equals("Disallow: /"));
    }

    @Test
    void theFaviconIsARealIconAndAnSvg() throws Exception {
        HttpResponse<byte[]> ico = bytes(server.port(), "/favicon.ico");
        HttpResponse<byte[]> svg = bytes(server.port(), "/favicon.svg");

        assertThat(ico.statusCode()).isEqualTo(200);
        assertThat(ico.headers().firstValue("Content-Type")).hasValue("image/x-icon");
        byte[] b = ico.body();
        // ICONDIR: reserved 0, type 1 (icon), then the number of images.
        assertThat(new int[] {b[0], b[1], b[2], b[3]}).containsExactly(0, 0, 1, 0);
        assertThat(b[4] & 0xff).isGreaterThanOrEqualTo(1);
        assertThat(svg.statusCode()).isEqualTo(200);
        assertThat(svg.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("image/svg+xml"));
        assertThat(xml(svg.body()).getDocumentElement().getLocalName()).isEqualTo("svg");
        assertThat(server.get("/").body()).contains("<link rel=\"icon\" href=\"/favicon.svg\" type=\"image/svg+xml\">",
                "<link rel=\"icon\" href=\"/favicon.ico\" sizes=\"32x32\">");
    }
}
