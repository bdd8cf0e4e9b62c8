package paperboy.search;

import static org.assertj.core.api.Assertions.assertThat;
import static paperboy.paper.PaperBuilder.paper;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import paperboy.db.Database;
import paperboy.paper.PaperStore;

/**
 * Searches under a time budget, over three embedded papers: one index with a budget that is spent
 * before a search starts (so every search runs out of time, whatever the machine), and one with the
 * default budget to compare with.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchBudgetTest {
    private Database db;
    private SearchPool noTime;
    private PaperIndex outOfTime;
    private PaperIndex inTime;

    @BeforeAll
    void indexPapers(@TempDir Path dir) {
        db = Database.open("jdbc:sqlite:" + dir.resolve("p.db"));
        PaperStore store = new PaperStore(db.jdbi());
        store.upsert(List.of(
                paper("2609.00001").title("Mamba for speech recognition").summary("A state space model listens.").update(),
                paper("2609.00002").title("State space models beyond Mamba").summary("Selective scans, again.").update(),
                paper("2609.00003").title("Transformers for speech").summary("Attention hears everything.").update()), "test");
        Semantic semantic = new Semantic(TestEmbedder.shared(), db.jdbi());
        noTime = new SearchPool(1, Duration.ZERO);
        outOfTime = new PaperIndex(dir.resolve("spent"), semantic, noTime);
        outOfTime.catchUp(store);
        new EmbeddingWorker(store, outOfTime, semantic, Clock.systemUTC()).embedPending();
        inTime = new PaperIndex(dir.resolve("default"), semantic);
        inTime.catchUp(store);
    }

    @AfterAll
    void close() throws IOException {
        outOfTime.close();
        inTime.close();
        noTime.close();
        db.close();
    }

    @Test
    void aSearchOutOfTimeAnswersWithWhatItHasAndSaysSoInEveryMode() {
        for (SearchRequest.Mode mode : SearchRequest.Mode.values()) {
            SearchResults results = outOfTime.search(new SearchRequest("mamba speech", mode, null, null, 0, 10));

            assertThat(results.incomplete()).as(mode.label()).isTrue();
            assertThat(results.atLeast()).as(mode.label()).isTrue();
            assertThat(results.notice()).as(mode.label()).isEqualTo("Search stopped after 0 ms; results may be incomplete.");
            assertThat(results.hits()).as(mode.label()).allSatisfy(hit -> assertThat(hit.snippetHtml()).isNull());
        }
    }

    @Test
    void anotherNoticeIsKeptBeforeTheOneAboutTime() {
        SearchResults results = outOfTime.search(new SearchRequest("mamba (speech", SearchRequest.Mode.KEYWORD, null, null, 0, 10));

        assertThat(results.notice()).startsWith("Your query could not be read as search syntax")
                .endsWith(" Search stopped after 0 ms; results may be incomplete.");
    }

    @Test
    void categoryBrowsingAndPassagesAreUnderTheBudgetToo() {
        assertThat(outOfTime.search(new SearchRequest("cat:cs.lg", 0, 10)).incomplete()).isTrue();
        assertThat(outOfTime.searchLike("A state space model for speech", SearchFilters.NONE, 0, 10).incomplete()).isTrue();
    }

    @Test
    void aSearchInTimeIsCompleteAndHighlighted() {
        SearchResults results = inTime.search(new SearchRequest("mamba speech", SearchRequest.Mode.KEYWORD, null, null, 0, 10));

        assertThat(results.incomplete()).isFalse();
        assertThat(results.notice()).isNull();
        assertThat(results.total()).isEqualTo(3);
        assertThat(results.hits().getFirst().titleHtml()).contains("<mark>");
    }
}
