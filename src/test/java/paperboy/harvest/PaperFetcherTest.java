package paperboy.harvest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import paperboy.db.Database;
import paperboy.db.StoreTest;
import paperboy.harvest.FakeArxiv.Reply;
import paperboy.paper.ArxivId;
import paperboy.paper.Paper;
import paperboy.paper.PaperStore;

/** Adding papers by id through a fake arXiv API replaying recorded Atom pages, on SQLite and PostgreSQL. */
class PaperFetcherTest {
    private static final ArxivId DEEP_DREAM = new ArxivId("1611.09520");

    private final FakeArxiv arxiv = new FakeArxiv();
    private final ArxivHttp http = new ArxivHttp("0.1.0", "mailto:ops@example.org", Duration.ofSeconds(5),
            new Politeness(Duration.ZERO));

    PaperFetcherTest() throws IOException {}

    @AfterEach
    void stop() {
        http.close();
        arxiv.close();
    }

    private PaperFetcher fetcher(Database db) {
        return new PaperFetcher(new PaperStore(db.jdbi()), () -> new ArxivApi(arxiv.apiBase(), http));
    }

    @StoreTest
    void anUnknownPaperIsFetchedAndStoredAndThenAnsweredFromTheStoreWithoutARequest(Database db) throws IOException {
        arxiv.then(Reply.resource(Fixtures.atom(0)));
        var papers = new PaperStore(db.jdbi());

        PaperFetcher.Report first = fetcher(db).fetch(List.of(DEEP_DREAM), false);

        assertThat(first.fetched()).singleElement().satisfies(p -> {
            assertThat(p.version()).isEqualTo(2);
            assertThat(p.authors()).containsExactly("Tomoyasu Horikawa", "Yukiyasu Kamitani");
        });
        assertThat(papers.count()).isEqualTo(1); // only the paper asked for, not the whole answer
        assertThat(papers.find(DEEP_DREAM)).contains(first.fetched().getFirst());

        PaperFetcher.Report again = fetcher(db).fetch(List.of(DEEP_DREAM), false);

        assertThat(again.fromStore()).containsExactlyElementsOf(first.fetched());
        assertThat(again.fetched()).isEmpty();
        assertThat(arxiv.requests()).hasSize(1);
    }

    @StoreTest
    void aRefreshAsksArxivEvenForAKnownPaperAndChangesNothingWhenArxivDoesNot(Database db) throws IOException {
        arxiv.then(Reply.resource(Fixtures.atom(0)), Reply.resource(Fixtures.atom(0)));
        var papers = new PaperStore(db.jdbi());
        Paper first = fetcher(db).fetch(List.of(DEEP_DREAM), false).fetched().getFirst();
        long changeNo = papers.lastChangeNo();

        PaperFetcher.Report refreshed = fetcher(db).fetch(List.of(DEEP_DREAM), true);

        assertThat(refreshed.fetched()).containsExactly(first);
        assertThat(arxiv.requests()).hasSize(2);
        assertThat(papers.lastChangeNo()).isEqualTo(changeNo);
    }

    @StoreTest
    void anIdArxivDoesNotKnowIsReportedAndNothingIsStored(Database db) throws IOException {
        arxiv.then(new Reply(200, Map.of("Content-Type", "application/atom+xml"), """
                <feed xmlns="http://www.w3.org/2005/Atom" xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">
                  <opensearch:totalResults>0</opensearch:totalResults>
                </feed>""".getBytes(StandardCharsets.UTF_8), Duration.ZERO, false));

        PaperFetcher.Report report = fetcher(db).fetch(List.of(new ArxivId("2101.99999")), false);

        assertThat(report.notFound()).containsExactly(new ArxivId("2101.99999"));
        assertThat(report.fetched()).isEmpty();
        assertThat(new PaperStore(db.jdbi()).count()).isZero();
    }
}
