package paperboy.search;

import static org.assertj.core.api.Assertions.assertThat;
import static paperboy.paper.PaperBuilder.paper;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code abstract:} and {@code title:} over three papers whose words sit in one field or the
 * other, so that a query which confused the two would find the wrong paper; and the snippets,
 * marked on the abstract through the combined field's offsets.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AbstractQueriesTest {
    // id          title                             abstract
    // 2609.00001  Protein folding with diffusion    We study graph networks for molecules.
    // 2609.00002  Graph networks                    Diffusion models fold proteins: the state of the art.
    // 2609.00003  Speech                            The diffusion of sound in speech recognition.
    private IndexedPapers papers;
    private PaperIndex index;

    @BeforeAll
    void indexPapers(@TempDir Path dir) {
        papers = IndexedPapers.of(dir, List.of(
                paper("2609.00001").title("Protein folding with diffusion")
                        .summary("We study graph networks for molecules.").update(),
                paper("2609.00002").title("Graph networks")
                        .summary("Diffusion models fold proteins: the state of the art.").update(),
                paper("2609.00003").title("Speech")
                        .summary("The diffusion of sound in speech recognition.").update()));
        index = papers.index();
    }

    @AfterAll
    void close() throws IOException {
        papers.close();
    }

    @Test
    void abstractFindsWordsOfTheAbstractOnlyAndTitleOfTheTitleOnly() {
        assertThat(ids("diffusion")).containsExactlyInAnyOrder("2609.00001", "2609.00002", "2609.00003");
        assertThat(ids("abstract:diffusion")).containsExactlyInAnyOrder("2609.00002", "2609.00003");
        assertThat(ids("title:diffusion")).containsExactly("2609.00001");
        assertThat(ids("abstract:graph")).containsExactly("2609.00001");
        assertThat(ids("summary:speech")).containsExactly("2609.00003");
        assertThat(ids("abstract:graph -title:graph")).containsExactly("2609.00001");
    }

    @Test
    void phrasesInTheAbstractKeepTheirOrderAndTheirStopWords() {
        assertThat(ids("abstract:\"state of the art\"")).containsExactly("2609.00002");
        assertThat(ids("abstract:\"state art\"")).isEmpty(); // "of the" stands between them
        assertThat(ids("abstract:\"proteins fold\"")).isEmpty();
        assertThat(ids("abstract:\"proteins fold\"~2")).containsExactly("2609.00002");
        // The title's "protein folding" is not in any abstract, and a phrase never runs from abstract into title.
        assertThat(ids("abstract:\"protein folding\"")).isEmpty();
        assertThat(ids("\"recognition speech\"")).isEmpty();
    }

    @Test
    void wildcardsAndFuzzyTermsInTheAbstract() {
        // Wildcards and fuzzy terms are not stemmed, and the index holds stems ("diffusion" is "diffus").
        assertThat(ids("abstract:diffus*")).containsExactlyInAnyOrder("2609.00002", "2609.00003");
        assertThat(ids("abstract:difus~1")).containsExactlyInAnyOrder("2609.00002", "2609.00003");
        assertThat(ids("abstract:protei?")).containsExactly("2609.00002");
    }

    @Test
    void snippetsMarkTheAbstractWithoutTheTitlesWordsAndTheTitleApart() {
        SearchResults results = index.search(new SearchRequest("diffusion", 0, 10));

        SearchResults.Hit titleOnly = hit(results, "2609.00001");
        assertThat(titleOnly.titleHtml()).isEqualTo("Protein folding with <mark>diffusion</mark>");
        assertThat(titleOnly.snippetHtml()).isNull(); // the abstract has no match to show
        SearchResults.Hit abstractOnly = hit(results, "2609.00002");
        assertThat(abstractOnly.titleHtml()).isNull();
        assertThat(abstractOnly.snippetHtml()).isEqualTo("<mark>Diffusion</mark> models fold proteins: the state of the art.");
    }

    private static SearchResults.Hit hit(SearchResults results, String id) {
        return results.hits().stream().filter(h -> h.id().value().equals(id)).findFirst().orElseThrow();
    }

    private List<String> ids(String query) {
        return index.search(new SearchRequest(query, 0, 10)).hits().stream().map(h -> h.id().value()).toList();
    }
}
