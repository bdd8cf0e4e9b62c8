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
 * Titles marked from the abstract-and-title field's postings ({@link TitleMarks}): escaped, with
 * stems and possessives marked as the title's own postings mark them, after an abstract, after an
 * empty one, and after one too long to be read whole (whose title is marked the other way).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TitleMarksTest {
    private static final String LONG = "Routing tokens by learned experts. ".repeat(700); // 24,500 characters

    private IndexedPapers papers;
    private PaperIndex index;

    @BeforeAll
    void indexPapers(@TempDir Path dir) {
        papers = IndexedPapers.of(dir, List.of(
                paper("2610.00001").title("Sparse <Mixture> of Experts & Routers' \"gates\"")
                        .summary("Experts are routed sparsely; the router learns gates.").update(),
                paper("2610.00002").title("Transformers route experts").summary("").update(),
                paper("2610.00003").title("Expert routing at scale").summary(LONG).update(),
                paper("2610.00004").title("Unrelated title").summary("Experts everywhere, routing too.").update()));
        index = papers.index();
    }

    @AfterAll
    void close() throws IOException {
        papers.close();
    }

    @Test
    void wordsAreMarkedInTheTitleAsTheTitlesOwnPostingsMarkThem() {
        SearchResults words = index.search(new SearchRequest("expert routers gates", 0, 10));

        assertThat(title(words, "2610.00001"))
                .isEqualTo("Sparse &lt;Mixture&gt; of <mark>Experts</mark> &amp; <mark>Routers</mark>&#x27; &quot;<mark>gates</mark>&quot;");
        assertThat(title(words, "2610.00004")).isNull(); // matches in the abstract only
    }

    @Test
    void aTitleAfterAnEmptyOrAnOverLongAbstractIsMarkedToo() {
        SearchResults words = index.search(new SearchRequest("expert route", 0, 10));

        assertThat(title(words, "2610.00002")).isEqualTo("Transformers <mark>route</mark> <mark>experts</mark>");
        assertThat(title(words, "2610.00003")).isEqualTo("<mark>Expert</mark> <mark>routing</mark> at scale");
    }

    private static String title(SearchResults results, String id) {
        return results.hits().stream().filter(h -> h.id().value().equals(id)).findFirst().orElseThrow().titleHtml();
    }
}
