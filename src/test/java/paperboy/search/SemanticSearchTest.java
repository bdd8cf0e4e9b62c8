package paperboy.search;

import static org.assertj.core.api.Assertions.assertThat;
import static paperboy.paper.PaperBuilder.paper;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import paperboy.Fixtures;
import paperboy.db.Database;
import paperboy.ingest.Importer;
import paperboy.paper.ArxivId;
import paperboy.paper.PaperStore;

/**
 * Semantic, hybrid, related and "more like this" search over the 236 daily-papers fixtures,
 * embedded once for the class with the real model. Nearest-neighbour search is approximate and
 * the model is what it is, so these tests check that the paper meant is among the first few, not
 * its exact rank. The last tests change the store and run in order after the read-only ones.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SemanticSearchTest {
    private static final int HF_PAPERS = 236;
    private static final ArxivId UI_COPILOT = ArxivId.parse("2604.13822");
    private static final ArxivId FOUR_D_ANYONE = ArxivId.parse("2608.20335");
    private static final ArxivId CONV_LLAVA = ArxivId.parse("2405.15738");

    private Database db;
    private PaperStore store;
    private Semantic semantic;
    private PaperIndex index;
    private EmbeddingWorker worker;
    private long embeddedAtFirst;

    @BeforeAll
    void embedFixtures(@TempDir Path dir) throws IOException {
        db = Database.open("jdbc:sqlite:" + dir.resolve("p.db"));
        store = new PaperStore(db.jdbi());
        new Importer(new paperboy.ingest.ImportLog(db.jdbi(), store, Clock.systemUTC()), new PrintStream(OutputStream.nullOutputStream()))
                .importPaths(List.of(Fixtures.copy("hf-days", dir)));
        semantic = new Semantic(TestEmbedder.shared(), db.jdbi());
        index = new PaperIndex(dir.resolve("index"), semantic);
        index.catchUp(store);
        worker = new EmbeddingWorker(store, index, semantic, Clock.systemUTC());
        embeddedAtFirst = worker.embedPending();
    }

    @AfterAll
    void close() throws IOException {
        index.close();
        db.close();
    }

    @Test
    @Order(1)
    void theWorkerEmbedsEveryPaperOnceAndReportsIt() {
        assertThat(embeddedAtFirst).isEqualTo(HF_PAPERS);
        assertThat(worker.embedPending()).isZero();
        assertThat(index.vectorCount()).isEqualTo(HF_PAPERS);
        assertThat(index.vectorPosition()).isEqualTo(index.committedPosition());
        EmbeddingWorker.Progress progress = worker.progress();
        assertThat(progress.embedded()).isEqualTo(HF_PAPERS);
        assertThat(progress.total()).isEqualTo(HF_PAPERS);
        assertThat(progress.running()).isFalse();
    }

    @Test
    @Order(1)
    void semanticSearchFindsPapersByMeaningWithoutTheirWords() {
        assertThat(top(search("an assistant that clicks through phone and desktop apps over many steps",
                SearchRequest.Mode.SEMANTIC), 5)).contains(UI_COPILOT);
        assertThat(top(search("reconstructing dynamic people from a single uncalibrated camera with gaussian splats", SearchRequest.Mode.SEMANTIC), 5))
                .contains(FOUR_D_ANYONE);
    }

    @Test
    @Order(1)
    void hybridIsTheDefaultOnceVectorsExistAndIsRepeatable() {
        SearchResults first = index.search(new SearchRequest("visual tokens for high resolution multimodal models", 0, 20));
        SearchResults again = index.search(new SearchRequest("visual tokens for high resolution multimodal models", 0, 20));

        assertThat(first.mode()).isEqualTo(SearchRequest.Mode.HYBRID);
        assertThat(top(first, 3)).contains(CONV_LLAVA);
        assertThat(ids(again)).isEqualTo(ids(first));
        assertThat(first.total()).isBetween(20L, 2L * PaperSearch.DEPTH);
    }

    @Test
    @Order(1)
    void pagesOfOneSearchDoNotOverlap() {
        SearchRequest firstPage = new SearchRequest("robot learning", SearchRequest.Mode.HYBRID, null, null, 0, 10);
        SearchRequest secondPage = new SearchRequest("robot learning", SearchRequest.Mode.HYBRID, null, null, 10, 10);
        List<ArxivId> both = new java.util.ArrayList<>(ids(index.search(firstPage)));
        both.addAll(ids(index.search(secondPage)));

        assertThat(both).hasSize(20).doesNotHaveDuplicates();
        assertThat(ids(index.search(firstPage.withMode(SearchRequest.Mode.HYBRID)))).isEqualTo(both.subList(0, 10));
    }

    @Test
    @Order(1)
    void exclusionsAndFieldTermsFilterSemanticResults() {
        SearchResults excluded = search("video generation -video", SearchRequest.Mode.SEMANTIC);
        SearchResults keyword = index.search(new SearchRequest("video", SearchRequest.Mode.KEYWORD, null, null, 0, 120));

        assertThat(ids(excluded)).isNotEmpty().doesNotContainAnyElementsOf(ids(keyword));
        assertThat(search("author:nonexistentname diffusion", SearchRequest.Mode.SEMANTIC).hits()).isEmpty();
    }

    @Test
    @Order(1)
    void relatedPapersAreNearestByMeaningAndExcludeThePaperItself() {
        List<ArxivId> related = index.related(CONV_LLAVA, 5);

        assertThat(related).hasSize(5).doesNotContain(CONV_LLAVA).doesNotHaveDuplicates();
        assertThat(index.related(ArxivId.parse("2608.99998"), 5)).isEmpty();
    }

    @Test
    @Order(1)
    void morelikeThisFindsThePaperWhoseAbstractWasPasted() {
        String abstractStart = store.find(CONV_LLAVA).orElseThrow().summary();

        SearchResults like = index.searchLike(abstractStart, SearchFilters.NONE, 0, 5);

        assertThat(like.mode()).isEqualTo(SearchRequest.Mode.SEMANTIC);
        assertThat(like.hits().getFirst().id()).isEqualTo(CONV_LLAVA);
        assertThat(index.searchLike("x".repeat(5001), SearchFilters.NONE, 0, 5).notice()).contains("5000");
        assertThat(index.searchLike("  ", SearchFilters.NONE, 0, 5).notice()).contains("Paste");
    }

    @Test
    @Order(1)
    void queriesWithNothingToEmbedGetAMessageNotAnError() {
        assertThat(search("the of and", SearchRequest.Mode.SEMANTIC).notice()).contains("no searchable words");
        assertThat(search("a".repeat(251), SearchRequest.Mode.HYBRID).notice()).contains("longer than 250");
        SearchResults fielded = search("title:mamba", SearchRequest.Mode.SEMANTIC);
        assertThat(fielded.mode()).isEqualTo(SearchRequest.Mode.KEYWORD);
        assertThat(fielded.notice()).contains("matched by words");
        SearchResults unparsable = search("attention (((", SearchRequest.Mode.HYBRID);
        assertThat(unparsable.notice()).contains("could not be read");
        assertThat(unparsable.hits()).isNotEmpty();
    }

    @Test
    @Order(2)
    void vectorsSurviveARebuildWithoutBeingEmbeddedAgain() {
        List<ArxivId> before = index.related(CONV_LLAVA, 5);

        assertThat(index.rebuild(store)).isEqualTo(HF_PAPERS);

        assertThat(index.vectorCount()).isEqualTo(HF_PAPERS);
        assertThat(worker.embedPending()).isZero();
        assertThat(index.related(CONV_LLAVA, 5)).isEqualTo(before);
    }

    @Test
    @Order(3)
    void aPaperWhoseAbstractChangedIsEmbeddedAgainAndOnlyIt() {
        store.upsert(List.of(paper("2608.20335").title("4DAnyone: Create Anyone in 4D from a Casual Monocular Video")
                .summary("A new abstract about something else entirely: protein folding with language models.").update()), "test");
        store.upsert(List.of(paper("2608.99997").title("Folding proteins with a language model")
                .summary("We fold proteins.").update()), "test");
        index.catchUp(store);

        assertThat(worker.embedPending()).isEqualTo(2);
        assertThat(top(search("protein structure prediction", SearchRequest.Mode.SEMANTIC), 3)).contains(FOUR_D_ANYONE);
    }

    @Test
    @Order(4)
    void withdrawnPapersAreNotRelatedToAnything() {
        List<ArxivId> before = index.related(CONV_LLAVA, 5);

        store.markWithdrawn(List.of(before.getFirst()), java.time.Instant.parse("2026-11-01T00:00:00Z"));
        index.catchUp(store);

        List<ArxivId> after = index.related(CONV_LLAVA, 5);
        assertThat(after).hasSize(5).doesNotContain(before.getFirst()).containsAll(before.subList(1, 5));
        assertThat(index.related(before.getFirst(), 5)).hasSize(5); // a withdrawn paper's own page still has some
    }

    private SearchResults search(String query, SearchRequest.Mode mode) {
        return index.search(new SearchRequest(query, mode, null, null, 0, 20));
    }

    private static List<ArxivId> ids(SearchResults results) {
        return results.hits().stream().map(SearchResults.Hit::id).toList();
    }

    private static List<ArxivId> top(SearchResults results, int n) {
        return ids(results).subList(0, Math.min(n, results.hits().size()));
    }
}
