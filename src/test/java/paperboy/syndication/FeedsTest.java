package paperboy.syndication;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.SyndFeedInput;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import paperboy.FixtureServer;
import paperboy.paper.ArxivId;
import paperboy.paper.Paper;
import paperboy.paper.PaperUpdate;

/**
 * The Atom and RSS feeds against the real server with the fixture days imported, plus one paper
 * with categories and a control character in its abstract, featured on the latest day: every feed
 * parses back with Rome, every Atom feed keeps RFC 4287's rules ({@link AtomRules}), entries carry
 * what a reader needs, and every page links its feeds.
 */
class FeedsTest {
    static final String ID = "2608.99001";
    static final Instant FEATURED_AT = Instant.parse("2026-08-21T13:45:00Z");
    static final Instant PUBLISHED_AT = Instant.parse("2026-08-20T17:59:00Z");
    static final String ABSTRACT = "We teach a zyxwvut model to read \u0007 tables & <figures>.";

    @TempDir
    static Path data;
    static FixtureServer server;

    @BeforeAll
    static void start() throws IOException {
        server = FixtureServer.start(data, app -> app.papers().upsert(
                List.of(new PaperUpdate(paper(), LocalDate.of(2026, 8, 21), FEATURED_AT)), "test"));
    }

    @AfterAll
    static void stop() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    static Paper paper() {
        return new Paper(new ArxivId(ID), 1, "Zyxwvut: Reading Tables", ABSTRACT, List.of("Ada Lovelace", "Grace Hopper"),
                List.of("cs.CL", "cs.LG"), PUBLISHED_AT, null, null, null, new Paper.Community(500, 0, null, List.of()));
    }

    static String base() {
        return "http://localhost:" + server.port();
    }

    static HttpResponse<String> ok(String path, String mediaType) {
        HttpResponse<String> response = server.get(path);
        assertThat(response.statusCode()).as("%s: %s", path, response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(mediaType + "; charset=utf-8");
        return response;
    }

    static SyndFeed rome(String xml) {
        try {
            return new SyndFeedInput().build(new StringReader(xml));
        } catch (Exception e) {
            throw new AssertionError("Rome cannot read the feed: " + e.getMessage() + "\n" + xml, e);
        }
    }

    /** Every kind of feed: the lists, trending, and searches with words, filters, a passage and an id. */
    @ParameterizedTest
    @ValueSource(strings = {"/feed", "/papers/date/2026-08-21", "/papers/date/2026-08-22", "/papers/week/2026-W34",
            "/papers/month/2026-08", "/trending", "/search?q=agents", "/search?q=agents&sort=date&from=2026-01-01&featured=true",
            "/search?q=zyxwvut&cat=cs.CL", "/search?like=language+models+that+read+tables", "/search?q=arXiv:2608.19880v1"})
    void everyFeedParsesBackWithRomeAndKeepsTheRulesOfAtom(String page) {
        String atom = ok(feed(page, "atom"), "application/atom+xml").body();
        assertThat(AtomRules.violations(atom)).as(atom).isEmpty();
        SyndFeed parsed = rome(atom);
        assertThat(parsed.getFeedType()).isEqualTo("atom_1.0");

        SyndFeed rss = rome(ok(feed(page, "rss"), "application/rss+xml").body());
        assertThat(rss.getFeedType()).isEqualTo("rss_2.0");
        assertThat(rss.getTitle()).isEqualTo(parsed.getTitle());
        assertThat(rss.getEntries()).extracting(SyndEntry::getLink)
                .containsExactlyElementsOf(parsed.getEntries().stream().map(SyndEntry::getLink).toList())
                .allSatisfy(link -> assertThat(URI.create(link).isAbsolute()).isTrue());
        // Nothing was featured that Saturday, nor in the last days (trending): the fixtures are long past.
        if (!page.equals("/papers/date/2026-08-22") && !page.equals("/trending")) {
            assertThat(parsed.getEntries()).isNotEmpty();
        }
    }

    /** {@code /search?q=x} has {@code /search.atom?q=x}; {@code /feed} is the latest day. */
    static String feed(String page, String extension) {
        int q = page.indexOf('?');
        return q < 0 ? page + "." + extension : page.substring(0, q) + "." + extension + page.substring(q);
    }

    @Test
    void aDayFeedListsItsPapersMostUpvotedFirstEachWithWhatAReaderNeeds() {
        SyndFeed feed = rome(ok("/papers/date/2026-08-21.atom", "application/atom+xml").body());

        assertThat(feed.getTitle()).isEqualTo("Paperboy: Friday 21 August 2026");
        assertThat(feed.getUri()).isEqualTo(base() + "/papers/date/2026-08-21.atom");
        assertThat(feed.getEntries()).hasSize(18);
        SyndEntry entry = feed.getEntries().getFirst(); // 500 upvotes
        String page = base() + "/papers/" + ID;
        assertThat(entry.getUri()).isEqualTo(page);
        assertThat(entry.getTitle()).isEqualTo("Zyxwvut: Reading Tables");
        assertThat(entry.getAuthors()).extracting(SyndPerson::getName).containsExactly("Ada Lovelace", "Grace Hopper");
        assertThat(entry.getDescription().getValue()).isEqualTo("We teach a zyxwvut model to read  tables & <figures>.");
        assertThat(entry.getContents().getFirst().getValue())
                .contains("tables &amp; &lt;figures&gt;", "<a href=\"https://arxiv.org/pdf/" + ID + "\">PDF</a>");
        assertThat(entry.getCategories()).extracting(SyndCategory::getName).containsExactly("cs.CL", "cs.LG");
        assertThat(entry.getLinks()).extracting(SyndLink::getRel, SyndLink::getType, SyndLink::getHref).containsExactly(
                org.assertj.core.groups.Tuple.tuple("alternate", "text/html", page),
                org.assertj.core.groups.Tuple.tuple("related", "text/html", "https://arxiv.org/abs/" + ID),
                org.assertj.core.groups.Tuple.tuple("related", "application/pdf", "https://arxiv.org/pdf/" + ID));
        assertThat(entry.getUpdatedDate().toInstant()).isEqualTo(FEATURED_AT);
        assertThat(entry.getPublishedDate().toInstant()).isEqualTo(PUBLISHED_AT);
        assertThat(feed.getEntries()).extracting(SyndEntry::getUri).doesNotHaveDuplicates()
                .allSatisfy(uri -> assertThat(uri).startsWith(base() + "/papers/"));
    }

    @Test
    void aSearchFeedDatesEntriesByArxivAndRssNamesAuthorsAndTheFeatureTimeOnLists() {
        SyndEntry found = rome(ok("/search.atom?q=zyxwvut", "application/atom+xml").body()).getEntries().getFirst();
        assertThat(found.getUri()).isEqualTo(base() + "/papers/" + ID);
        assertThat(found.getUpdatedDate().toInstant()).isEqualTo(PUBLISHED_AT);

        SyndFeed rss = rome(ok("/papers/date/2026-08-21.rss", "application/rss+xml").body());
        SyndEntry item = rss.getEntries().getFirst();
        assertThat(item.getUri()).isEqualTo(base() + "/papers/" + ID); // the guid
        assertThat(item.getPublishedDate().toInstant()).isEqualTo(FEATURED_AT);
        assertThat(((DCModule) item.getModule(DCModule.URI)).getCreators()).containsExactly("Ada Lovelace", "Grace Hopper");
        assertThat(item.getDescription().getValue()).contains("tables &amp; &lt;figures&gt;", "https://arxiv.org/abs/" + ID);
    }

    @Test
    void theSearchFeedsAddressListsItsParametersInOneOrderSoASearchHasOneId() {
        SyndFeed one = rome(ok("/search.atom?sort=date&q=agents&page=2", "application/atom+xml").body());
        SyndFeed other = rome(ok("/search.atom?q=agents&sort=date", "application/atom+xml").body());

        assertThat(one.getUri()).isEqualTo(other.getUri()).isEqualTo(base() + "/search.atom?q=agents&sort=date");
        // Rome's getLink() of an Atom feed is its self link; the page is the alternate one
        assertThat(one.getLinks()).filteredOn(l -> "alternate".equals(l.getRel())).extracting(SyndLink::getHref)
                .containsExactly(base() + "/search?q=agents&sort=date");
    }

    @ParameterizedTest(name = "{0} is linked from {1}")
    @CsvSource({
            "/, /feed.atom, /feed.rss",
            "/papers/date/2026-08-21, /papers/date/2026-08-21.atom, /papers/date/2026-08-21.rss",
            "/papers/week/2026-W34, /papers/week/2026-W34.atom, /papers/week/2026-W34.rss",
            "/papers/month/2026-08, /papers/month/2026-08.atom, /papers/month/2026-08.rss",
            "/search?q=agents&sort=date, /search.atom?q=agents&sort=date, /search.rss?q=agents&sort=date",
            "/search, /feed.atom, /feed.rss",
            "/papers/2608.19880, /feed.atom, /feed.rss"})
    void everyPageLinksItsFeedsInItsHeadAndShowsThem(String page, String atom, String rss) {
        String html = server.get(page).body();

        assertThat(alternates(html, "application/atom+xml")).containsExactly(atom);
        assertThat(alternates(html, "application/rss+xml")).containsExactly(rss);
        assertThat(html).contains("<a href=\"" + atom.replace("&", "&amp;") + "\" type=\"application/atom+xml\">Atom feed</a>");
        ok(atom, "application/atom+xml");
        ok(rss, "application/rss+xml");
    }

    private static List<String> alternates(String html, String type) {
        Matcher m = Pattern.compile("<link rel=\"alternate\" type=\"" + Pattern.quote(type) + "\" title=\"[^\"]*\" href=\"([^\"]*)\">")
                .matcher(html);
        List<String> found = new ArrayList<>();
        while (m.find()) {
            found.add(m.group(1).replace("&amp;", "&"));
        }
        return found;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/papers/date/2026-13-45.atom|is not a date",
            "/papers/week/2026-W60.rss|week 60 does not exist",
            "/papers/month/August.atom|is not a month",
            "/search.atom|a search feed needs q",
            "/search.rss?q=agents&mode=psychic|mode",
            "/search.atom?q=agents&from=yesterday|from"})
    void badInputIsA400PageSayingWhy(String path, String message) {
        HttpResponse<String> response = server.get(path);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(response.body()).contains(message);
    }
}
