package paperboy.search;

import static org.assertj.core.api.Assertions.assertThat;
import static paperboy.paper.PaperBuilder.paper;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import paperboy.Fixtures;
import paperboy.db.Database;
import paperboy.ingest.ImportLog;
import paperboy.ingest.Importer;
import paperboy.paper.ArxivId;
import paperboy.paper.PaperStore;

/**
 * Searches over one index of the daily-papers fixtures plus one hostile paper, built once for the
 * class since no test here writes. Expected counts were taken from the fixture files with a
 * case-insensitive word search over each distinct paper's title, abstract and author names, e.g.
 * for "Mamba":
 * <pre>python3 -c "import json,glob,re; ps={e['paper']['id']: e['paper'] for f in glob.glob('hf-days/*.json')
 *   for e in json.load(open(f))}; print(sorted(i for i,p in ps.items() if re.search(r'\bmamba\b',
 *   p['title']+' '+p['summary']+' '+' '.join(a['name'] for a in p['authors']), re.I)))"</pre>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PaperSearchTest {
    // "Mamba": 2405.15574 and 2606.15007 by title, 2608.18115 in its abstract; only 2405.15574 says "Meteor".
    private static final int MAMBA = 3;
    private static final int MAMBA_IN_TITLE = 2;
    // Regex \breinforcement\W+learning\b, and also \breinforc\w*\W+learn\w* (what stemming could match): 30 both.
    private static final int REINFORCEMENT_LEARNING = 30;

    private Database db;
    private PaperIndex index;

    @BeforeAll
    void indexFixtures(@TempDir Path dir) throws IOException {
        db = Database.open("jdbc:sqlite:" + dir.resolve("p.db"));
        PaperStore store = new PaperStore(db.jdbi());
        new Importer(new ImportLog(db.jdbi(), store, java.time.Clock.systemUTC()),
                new PrintStream(OutputStream.nullOutputStream()))
                .importPaths(List.of(Fixtures.copy("hf-days", dir)));
        // No fixture paper says "alert".
        store.upsert(List.of(paper("2608.99999").title("Cross-site <script>alert(1)</script> in paper titles")
                .summary("We show that <script>alert(1)</script> in an abstract is harmless.").update()), "test");
        index = new PaperIndex(dir.resolve("index"));
        index.catchUp(store);
    }

    @AfterAll
    void close() throws IOException {
        index.close();
        db.close();
    }

    @Test
    void findsADistinctiveTitleWordWithTheWordMarked() {
        SearchResults results = search("ConvLLaVA");

        assertThat(results.total()).isEqualTo(1);
        assertThat(results.notice()).isNull();
        assertThat(results.hits()).singleElement().satisfies(hit -> {
            assertThat(hit.id()).isEqualTo(ArxivId.parse("2405.15738"));
            assertThat(hit.titleHtml()).contains("<mark>ConvLLaVA</mark>");
        });
        assertThat(search("mamba").total()).isEqualTo(MAMBA);
    }

    @Test
    void marksTheQuerysWordsButNotExcludedOnesAndWildcardExpansions() {
        SearchResults mamba = search("mamba -meteor");
        assertThat(mamba.hits()).isNotEmpty().allSatisfy(hit -> {
            String marked = String.valueOf(hit.titleHtml()) + hit.snippetHtml();
            assertThat(marked).containsIgnoringCase("<mark>mamba</mark>").doesNotContainIgnoringCase("<mark>meteor");
        });
        assertThat(search("convllav*").hits()).singleElement()
                .satisfies(hit -> assertThat(hit.titleHtml()).contains("<mark>ConvLLaVA</mark>"));
        assertThat(search("\"reinforcement learning\"").hits().getFirst().snippetHtml())
                .containsIgnoringCase("<mark>reinforcement learning</mark>"); // the phrase, marked whole
    }

    @Test
    void understandsPhrasesExclusionsAndFields() {
        assertThat(search("\"reinforcement learning\"").total()).isEqualTo(REINFORCEMENT_LEARNING);
        assertThat(search("Mamba -Meteor").hits()).extracting(h -> h.id().value())
                .containsExactlyInAnyOrder("2606.15007", "2608.18115");
        assertThat(search("title:mamba").hits()).extracting(h -> h.id().value())
                .containsExactlyInAnyOrder("2405.15574", "2606.15007");
        assertThat(search("title:mamba").total()).isEqualTo(MAMBA_IN_TITLE);
    }

    @Test
    void queryWithBrokenSyntaxIsSearchedAsPlainWordsWithANotice() {
        for (String broken : List.of("Mamba(", "\"Mamba")) {
            SearchResults results = search(broken);
            assertThat(results.total()).as(broken).isEqualTo(MAMBA);
            assertThat(results.notice()).as(broken).contains("could not be read as search syntax");
        }
    }

    @Test
    void anEmptyQueryFindsNothingAndSaysWhy() {
        SearchResults results = search("   ");

        assertThat(results.total()).isZero();
        assertThat(results.hits()).isEmpty();
        assertThat(results.notice()).isNotBlank();
    }

    @Test
    void snippetsEscapeHtmlFromTheSource() {
        SearchResults results = search("alert");

        assertThat(results.hits()).singleElement().satisfies(hit -> {
            assertThat(hit.titleHtml()).contains("<mark>alert</mark>").doesNotContain("<script>")
                    .contains("&lt;script&gt;");
            assertThat(hit.snippetHtml()).contains("<mark>alert</mark>").doesNotContain("<script>");
        });
    }

    @Test
    void wildcardsThatTogetherExpandPastWhatLuceneTakesGetANoticeNotAnError() {
        SearchResults results = search("a* b* c* d* e* f* g* h* i* l* m* n* o* p* r* s* t*");

        assertThat(results.hits()).isEmpty();
        assertThat(results.notice()).contains("too many words");
    }

    private SearchResults search(String query) {
        return index.search(new SearchRequest(query, 0, SearchRequest.MAX_LIMIT));
    }
}
