package paperboy.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static paperboy.paper.PaperBuilder.paper;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keyword search with filters, sorting and field syntax over four hand-made papers, so that every
 * expected result can be read off the corpus below. No vectors: this index has embeddings off.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchFiltersTest {
    // id          title                              categories          published   upvotes featured    author
    // 2609.00001  Mamba for speech recognition       cs.SD eess.AS       2026-09-01   5      2026-09-02  Ada Lovelace
    // 2609.00002  State space models beyond Mamba    cs.LG               2026-09-10   1      -           Alan Turing
    // 2609.00003  Mamba in protein design            q-bio.BM cs.LG      2026-08-20  20      2026-08-21  Grace Hopper
    // 2609.00004  Transformers for speech            cs.CL               2026-09-05   0      -           Ada Lovelace
    private IndexedPapers papers;
    private PaperIndex index;

    @BeforeAll
    void indexPapers(@TempDir Path dir) {
        papers = IndexedPapers.of(dir, List.of(
                paper("2609.00001").title("Mamba for speech recognition").categories("cs.SD", "eess.AS")
                        .published("2026-09-01").upvotes(5).authors("Ada Lovelace").featuredOn("2026-09-02"),
                paper("2609.00002").title("State space models beyond Mamba").categories("cs.LG")
                        .published("2026-09-10").upvotes(1).authors("Alan Turing").update(),
                paper("2609.00003").title("Mamba in protein design").categories("q-bio.BM", "cs.LG")
                        .published("2026-08-20").upvotes(20).authors("Grace Hopper").featuredOn("2026-08-21"),
                paper("2609.00004").title("Transformers for speech").categories("cs.CL")
                        .published("2026-09-05").upvotes(0).authors("Ada Lovelace").update()));
        index = papers.index();
    }

    @AfterAll
    void close() throws IOException {
        papers.close();
    }

    @Test
    void categoriesInTheQueryFilterByCategoryOrWholeArchive() {
        assertThat(ids("mamba")).containsExactlyInAnyOrder("2609.00001", "2609.00002", "2609.00003");
        assertThat(ids("mamba cat:cs.LG")).containsExactlyInAnyOrder("2609.00002", "2609.00003");
        assertThat(ids("mamba cat:CS.lg")).containsExactlyInAnyOrder("2609.00002", "2609.00003");
        assertThat(ids("mamba cat:cs")).containsExactlyInAnyOrder("2609.00001", "2609.00002", "2609.00003");
        assertThat(ids("mamba cat:q-bio")).containsExactly("2609.00003");
        assertThat(ids("mamba cat:q-bio cat:eess")).containsExactlyInAnyOrder("2609.00001", "2609.00003");
        assertThat(ids("mamba -cat:cs.LG")).containsExactly("2609.00001");
    }

    @Test
    void aQueryThatDoesNotParseKeepsItsCategoryFilter() {
        SearchResults results = search("mamba( cat:q-bio", SearchFilters.NONE, SearchRequest.Sort.RELEVANCE);

        assertThat(results.notice()).contains("could not be read");
        assertThat(ids(results)).containsExactly("2609.00003");
    }

    @Test
    void aCategoryAloneListsItsPapersNewestFirst() {
        SearchResults results = search("cat:cs.LG", SearchFilters.NONE, SearchRequest.Sort.RELEVANCE);

        assertThat(results.notice()).isNull();
        assertThat(ids(results)).containsExactly("2609.00002", "2609.00003");
    }

    @Test
    void filtersByDateRangeCategoryParameterAndFeatured() {
        assertThat(ids(search("mamba", new SearchFilters(LocalDate.parse("2026-09-01"), null, List.of(), false))))
                .containsExactlyInAnyOrder("2609.00001", "2609.00002");
        assertThat(ids(search("mamba", new SearchFilters(null, LocalDate.parse("2026-08-31"), List.of(), false))))
                .containsExactly("2609.00003");
        LocalDate tenth = LocalDate.parse("2026-09-10");
        assertThat(ids(search("mamba", new SearchFilters(tenth, tenth, List.of(), false)))).containsExactly("2609.00002");
        assertThat(ids(search("mamba", new SearchFilters(null, null, List.of("eess"), false)))).containsExactly("2609.00001");
        assertThat(ids(search("mamba", new SearchFilters(null, null, List.of(), true))))
                .containsExactlyInAnyOrder("2609.00001", "2609.00003");
        assertThat(search("mamba", new SearchFilters(null, null, List.of(), true), SearchRequest.Sort.RELEVANCE).total())
                .isEqualTo(2);
    }

    @Test
    void datesAsFarAwayAsADateGoesAreTheEndsOfTime() {
        assertThat(ids(search("mamba", new SearchFilters(LocalDate.MIN, LocalDate.MAX, List.of(), false))))
                .containsExactlyInAnyOrder("2609.00001", "2609.00002", "2609.00003");
        assertThat(ids(search("mamba", new SearchFilters(LocalDate.MAX, null, List.of(), false)))).isEmpty();
        assertThat(ids(search("mamba", new SearchFilters(null, LocalDate.MIN, List.of(), false)))).isEmpty();
        assertThat(ids(search("mamba", new SearchFilters(LocalDate.MIN, LocalDate.parse("2026-08-31"), List.of(), false))))
                .containsExactly("2609.00003");
    }

    @Test
    void aDateRangeThatEndsBeforeItStartsIsRefused() {
        assertThatThrownBy(() -> new SearchFilters(LocalDate.parse("2026-09-02"), LocalDate.parse("2026-09-01"), null, false))
                .hasMessageContaining("after");
    }

    @Test
    void sortsByDateOrUpvotes() {
        assertThat(ids(search("mamba", SearchFilters.NONE, SearchRequest.Sort.DATE)))
                .containsExactly("2609.00002", "2609.00001", "2609.00003");
        assertThat(ids(search("mamba", SearchFilters.NONE, SearchRequest.Sort.UPVOTES)))
                .containsExactly("2609.00003", "2609.00001", "2609.00002");
    }

    @Test
    void authorTermsAreRequiredAndOtherWordsRankWithinThem() {
        assertThat(ids("author:lovelace mamba")).containsExactly("2609.00001", "2609.00004");
        assertThat(ids("author:turing speech")).containsExactly("2609.00002");
        assertThat(ids("title:speech")).containsExactlyInAnyOrder("2609.00001", "2609.00004");
        assertThat(ids("abstract:nothing-here")).isEmpty();
    }

    @Test
    void withEmbeddingsOffSemanticSearchFallsBackToKeywordsAndSaysSo() {
        SearchResults results = index.search(new SearchRequest("mamba", SearchRequest.Mode.SEMANTIC, null, null, 0, 10));

        assertThat(results.mode()).isEqualTo(SearchRequest.Mode.KEYWORD);
        assertThat(results.notice()).contains("turned off");
        assertThat(results.total()).isEqualTo(3);
        assertThat(index.search(new SearchRequest("mamba", 0, 10)).notice()).isNull();
        assertThat(index.related(paperboy.paper.ArxivId.parse("2609.00001"), 5)).isEmpty();
    }

    @Test
    void moreLikeThisMatchesSharedWordsWhenThereAreNoVectors() {
        SearchResults like = index.searchLike("Speech recognition with a Mamba network",
                SearchFilters.NONE, 0, 10);

        assertThat(like.mode()).isEqualTo(SearchRequest.Mode.KEYWORD);
        assertThat(like.notice()).contains("shared words");
        assertThat(ids(like).getFirst()).isEqualTo("2609.00001");
    }

    private List<String> ids(String query) {
        return ids(search(query, SearchFilters.NONE, SearchRequest.Sort.RELEVANCE));
    }

    private SearchResults search(String query, SearchFilters filters) {
        return search(query, filters, SearchRequest.Sort.RELEVANCE);
    }

    private SearchResults search(String query, SearchFilters filters, SearchRequest.Sort sort) {
        return index.search(new SearchRequest(query, null, filters, sort, 0, 20));
    }

    private static List<String> ids(SearchResults results) {
        return results.hits().stream().map(h -> h.id().value()).toList();
    }
}
