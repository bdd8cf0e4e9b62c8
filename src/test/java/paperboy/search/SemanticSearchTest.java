package paperboy.search;

import static org.assertj.core.api.Assertions.assertThat;
import static paperboy.paper.PaperBuilder.paper;
import static paperboy.search.ExactNeighbours.assertNearest;
import static paperboy.search.ExactNeighbours.rankOf;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import paperboy.ingest.ImportLog;
import paperboy.ingest.Importer;
import paperboy.paper.ArxivId;
import paperboy.paper.Change;
import paperboy.paper.PaperStore;

/**
 * Semantic, hybrid, related and "more like this" search over the 236 daily-papers fixtures, whose
 * vectors were embedded once for the JVM ({@link EmbeddedFixtures}) with the real model.
 *
 * <p>Vectors and scores differ slightly from one CPU to another, so no test here relies on the
 * order of close papers. What the index returns is checked against the exact neighbours computed
 * here from the stored vectors ({@link ExactNeighbours}), which holds whatever the vectors are. What
 * the model understands is checked only where it leads by far more than a CPU can move it: the
 * numbers measured on the machine that wrote a test are given with it. The last tests change the
 * store and run in order after the read-only ones.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SemanticSearchTest {
    private static final int HF_PAPERS = 236;
    private static final ArxivId FOUR_D_ANYONE = ArxivId.parse("2608.20335");
    private static final ArxivId CONV_LLAVA = ArxivId.parse("2405.15738");
    /** 4DAnyone ("Create Anyone in 4D from a Casual Monocular Video"), described without its words. */
    private static final String DYNAMIC_PEOPLE = "reconstructing dynamic people from a single uncalibrated camera with gaussian splats";
    private static final String VISUAL_TOKENS = "visual tokens for high resolution multimodal models";

    private Database db;
    private PaperStore store;
    private Semantic semantic;
    private PaperIndex index;
    private EmbeddingWorker worker;
    private long embeddedAtFirst;

    @BeforeAll
    void openFixtures(@TempDir Path dir) throws IOException {
        db = Database.open("jdbc:sqlite:" + dir.resolve("p.db"));
        store = new PaperStore(db.jdbi());
        new Importer(new ImportLog(db.jdbi(), store, Clock.systemUTC()), new PrintStream(OutputStream.nullOutputStream()))
                .importPaths(List.of(Fixtures.copy("hf-days", dir)));
        EmbeddedFixtures.copyInto(db.jdbi());
        // No similarity floor: these tests hold the approximate search to the exact k nearest, which
        // a floor would cut short (the floor has its own tests: SimilarityFloorTest, SemanticWebTest).
        semantic = new Semantic(TestEmbedder.shared(), db.jdbi()).withFloor(SimilarityFloor.NONE);
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
        assertThat(EmbeddedFixtures.embeddedByWorker()).isEqualTo(HF_PAPERS); // into an empty store
        assertThat(embeddedAtFirst).isZero(); // here every vector was stored already
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
    void semanticSearchReturnsTheExactNearestPapers() {
        for (String query : List.of(DYNAMIC_PEOPLE, VISUAL_TOKENS, "robot learning", "an assistant that clicks through phone and desktop apps over many steps")) {
            assertNearest(top(search(query, SearchRequest.Mode.SEMANTIC), 20), exact().ranking(queryVector(query)), 20);
        }
    }

    /**
     * Measured with the AVX-512 kernels: 4DAnyone is 1st (0.488), 0.049 ahead of the 2nd and 0.10
     * ahead of the 4th, so it stays in the top 3 unless a CPU moves scores by 0.1. (A query for
     * UI-Copilot that this test used to ask had it 5th, 0.005 ahead of the 6th: it failed on AVX2.)
     */
    @Test
    @Order(1)
    void semanticSearchFindsPapersByMeaningWithoutTheirWords() {
        assertThat(rankOf(FOUR_D_ANYONE, exact().ranking(queryVector(DYNAMIC_PEOPLE)))).isLessThanOrEqualTo(3);
        assertThat(top(search(DYNAMIC_PEOPLE, SearchRequest.Mode.SEMANTIC), 3)).contains(FOUR_D_ANYONE);
    }

    @Test
    @Order(1)
    void hybridIsTheDefaultOnceVectorsExistAndIsRepeatable() {
        SearchResults first = index.search(new SearchRequest(VISUAL_TOKENS, 0, 20));
        SearchResults again = index.search(new SearchRequest(VISUAL_TOKENS, 0, 20));

        assertThat(first.mode()).isEqualTo(SearchRequest.Mode.HYBRID);
        // First by words (BM25 7.9, the next 4.4) and by meaning (0.680, the next 0.592 when
        // measured), so first in both lists and so first when they are fused.
        assertThat(top(search(VISUAL_TOKENS, SearchRequest.Mode.KEYWORD), 1)).containsExactly(CONV_LLAVA);
        assertThat(rankOf(CONV_LLAVA, exact().ranking(queryVector(VISUAL_TOKENS)))).isEqualTo(1);
        assertThat(top(first, 1)).containsExactly(CONV_LLAVA);
        assertThat(ids(again)).isEqualTo(ids(first));
        assertThat(first.total()).isBetween(20L, 2L * PaperSearch.DEPTH);
    }

    @Test
    @Order(1)
    void pagesOfOneSearchDoNotOverlap() {
        SearchRequest firstPage = new SearchRequest("robot learning", SearchRequest.Mode.HYBRID, null, null, 0, 10);
        SearchRequest secondPage = new SearchRequest("robot learning", SearchRequest.Mode.HYBRID, null, null, 10, 10);
        List<ArxivId> both = new ArrayList<>(ids(index.search(firstPage)));
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
        assertNearest(related, exact().relatedTo(CONV_LLAVA, id -> false), 5);
        assertThat(index.related(ArxivId.parse("2608.99998"), 5)).isEmpty();
    }

    @Test
    @Order(1)
    void morelikeThisFindsThePaperWhoseAbstractWasPasted() {
        String abstractStart = store.find(CONV_LLAVA).orElseThrow().summary();

        SearchResults like = index.searchLike(abstractStart, SearchFilters.NONE, 0, 5);

        assertThat(like.mode()).isEqualTo(SearchRequest.Mode.SEMANTIC);
        // Its own abstract without the title (317 wordpieces, embedded in windows): 0.947 when
        // measured, the next paper 0.652.
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
        assertThat(index.rebuild(store)).isEqualTo(HF_PAPERS);

        assertThat(index.vectorCount()).isEqualTo(HF_PAPERS);
        assertThat(worker.embedPending()).isZero();
        // The graph is built again, so close neighbours may come in another order; they are still the nearest.
        assertNearest(index.related(CONV_LLAVA, 5), exact().relatedTo(CONV_LLAVA, id -> false), 5);
        assertNearest(top(search(DYNAMIC_PEOPLE, SearchRequest.Mode.SEMANTIC), 20), exact().ranking(queryVector(DYNAMIC_PEOPLE)), 20);
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
        // The only two papers about proteins: 0.553 (the new one) and 0.434 when measured, the 3rd 0.314.
        List<ExactNeighbours.Scored> exact = exact().ranking(queryVector("protein structure prediction"));
        assertThat(rankOf(FOUR_D_ANYONE, exact)).isLessThanOrEqualTo(2);
        assertThat(top(search("protein structure prediction", SearchRequest.Mode.SEMANTIC), 3)).contains(FOUR_D_ANYONE);
        assertNearest(top(search("protein structure prediction", SearchRequest.Mode.SEMANTIC), 10), exact, 10);
    }

    @Test
    @Order(4)
    void withdrawnPapersAreNotRelatedToAnything() {
        List<ArxivId> before = index.related(CONV_LLAVA, 5);

        store.markWithdrawn(List.of(before.getFirst()), java.time.Instant.parse("2026-11-01T00:00:00Z"));
        index.catchUp(store);

        List<ArxivId> after = index.related(CONV_LLAVA, 5);
        assertThat(after).hasSize(5).doesNotContain(before.getFirst());
        assertNearest(after, exact().relatedTo(CONV_LLAVA, id -> id.equals(before.getFirst())), 5);
        assertThat(index.related(before.getFirst(), 5)).hasSize(5); // a withdrawn paper's own page still has some
    }

    @Test
    @Order(5)
    void papersWrittenAgainAreCountedOnceWithTheirVectors() {
        List<ArxivId> some = store.changesSince(Change.Position.START, 5).stream().map(c -> c.paper().id()).toList();
        db.jdbi().useTransaction(h -> store.changed(h, some)); // indexed again, as a new upvote count would be

        index.catchUp(store);

        assertThat(worker.embedPending()).isZero(); // their text is the same: their vectors are taken again
        long papers = store.count(); // the fixtures, and the paper an earlier test added
        assertThat(index.size()).isEqualTo(papers);
        assertThat(index.vectorCount()).isEqualTo(papers); // the documents they replaced are not counted
    }

    /** The oracle over the vectors this test's store holds now. */
    private ExactNeighbours exact() {
        List<ArxivId> ids = store.changesSince(Change.Position.START, Integer.MAX_VALUE).stream().map(c -> c.paper().id()).toList();
        Map<ArxivId, float[]> vectors = new LinkedHashMap<>();
        semantic.vectors().find(ids).forEach((id, stored) -> vectors.put(ArxivId.parse(id), stored.vector()));
        return new ExactNeighbours(vectors);
    }

    /** The vector semantic search embeds for a query: that of its plain words. */
    private static float[] queryVector(String query) {
        return TestEmbedder.shared().embed(new QueryReader(PaperDocuments.analyzer()).read(query).meaning());
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
