package paperboy.harvest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import paperboy.harvest.FakeArxiv.Reply;

/** Harvests from a local fake arXiv that replays recorded OAI-PMH responses. */
class HarvestTest {
    private static final LocalDate FROM = LocalDate.of(2014, 10, 1);
    private static final LocalDate UNTIL = LocalDate.of(2015, 1, 3);
    private static final HarvestCheckpoint WINDOW = HarvestCheckpoint.start(null, FROM, UNTIL);

    private final FakeTime time = new FakeTime();
    private final FakeArxiv arxiv;
    private final ArxivHttp http;
    private final ArxivOai oai;

    HarvestTest() throws IOException {
        arxiv = new FakeArxiv();
        var retries = new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(8), 5, Duration.ofSeconds(60));
        var politeness = new Politeness(Duration.ofSeconds(3), retries, time, time, new Random(1));
        http = new ArxivHttp("0.1.0", "mailto:ops@example.org", Duration.ofSeconds(5), politeness);
        oai = new ArxivOai(arxiv.oaiBase(), http);
    }

    @AfterEach
    void stop() {
        http.close();
        arxiv.close();
    }

    private HarvestSummary harvest(MemoryStore store) throws IOException {
        return new Harvest(oai, OaiRequest.ARXIV_RAW, store, time).run(store.checkpoint());
    }

    private static Reply truncatedXml(String fixture) {
        byte[] whole = Fixtures.bytes(fixture);
        Reply reply = Reply.resource(fixture);
        return new Reply(200, reply.headers(), Arrays.copyOf(whole, whole.length / 3), Duration.ZERO, false);
    }

    @Test
    void followsTheResumptionTokenToTheLastPage() throws IOException {
        arxiv.then(Reply.resource(Fixtures.OAI_RAW_PAGE_WITH_TOKEN), Reply.resource(Fixtures.OAI_LAST_PAGE));
        var store = new MemoryStore(WINDOW);

        HarvestSummary summary = harvest(store);

        assertThat(summary.pages()).isEqualTo(2);
        assertThat(summary.records()).isEqualTo(8);
        assertThat(store.papers()).hasSize(8).containsKeys(
                new paperboy.paper.ArxivId("0704.0716"), new paperboy.paper.ArxivId("hep-th/9504118"));
        assertThat(arxiv.requests().get(0).params()).isEqualTo(Map.of(
                "verb", "ListRecords", "metadataPrefix", "arXivRaw", "from", "2014-10-01", "until", "2015-01-03"));
        assertThat(arxiv.requests().get(1).params()).isEqualTo(Map.of(
                "verb", "ListRecords", "resumptionToken", "726959|1001"));
        assertThat(arxiv.requests()).allSatisfy(r ->
                assertThat(r.header("User-Agent")).isEqualTo("Paperboy/0.1.0 (+mailto:ops@example.org)"));
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(3));
        assertThat(store.checkpoint()).isEqualTo(
                new HarvestCheckpoint(null, FROM, UNTIL, null, LocalDate.of(2015, 1, 3), true));
        assertThat(summary.checkpoint()).isEqualTo(store.checkpoint());
        assertThat(summary.elapsed()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void theCheckpointAfterEachPageCarriesItsToken() throws IOException {
        arxiv.then(Reply.resource(Fixtures.OAI_RAW_PAGE_WITH_TOKEN), Reply.status(404, "gone"));
        var store = new MemoryStore(WINDOW);

        assertThatThrownBy(() -> harvest(store)).isInstanceOf(ArxivHttpException.class);

        assertThat(store.checkpoint()).isEqualTo(
                new HarvestCheckpoint(null, FROM, UNTIL, "726959|1001", LocalDate.of(2014, 12, 22), false));
    }

    @Test
    void honoursA503WithRetryAfterAsRecorded() throws IOException {
        arxiv.then(new Reply(503, Map.of("Retry-After", "10", "Content-Type", "text/html"),
                        Fixtures.bytes(Fixtures.OAI_503_BODY), Duration.ZERO, false),
                Reply.resource(Fixtures.OAI_LAST_PAGE));
        var store = new MemoryStore(HarvestCheckpoint.start(null, LocalDate.of(2015, 1, 1), UNTIL));

        var summary = new Harvest(oai, OaiRequest.ARXIV, store, time).run(store.checkpoint());

        assertThat(summary.records()).isEqualTo(2);
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(10));
        assertThat(arxiv.requests()).hasSize(2);
        assertThat(arxiv.requests().get(1).uri()).isEqualTo(arxiv.requests().get(0).uri());
        assertThat(arxiv.requests().get(0).params()).isEqualTo(Map.of(
                "verb", "ListRecords", "metadataPrefix", "arXiv", "from", "2015-01-01", "until", "2015-01-03"));
    }

    @Test
    void noRecordsMatchIsAnEmptySuccessfulHarvest() throws IOException {
        arxiv.then(Reply.resource(Fixtures.NO_RECORDS_MATCH));
        var store = new MemoryStore(HarvestCheckpoint.start("moo", FROM, UNTIL));

        HarvestSummary summary = harvest(store);

        assertThat(summary.pages()).isZero();
        assertThat(summary.records()).isZero();
        assertThat(store.papers()).isEmpty();
        assertThat(store.checkpoint().complete()).isTrue();
        assertThat(store.commits()).isEqualTo(1);
    }

    @Test
    void aBadResumptionTokenRestartsTheWindowWithoutIt() throws IOException {
        var resumed = new HarvestCheckpoint(null, FROM, UNTIL, "3", LocalDate.of(2014, 12, 22), false);
        arxiv.then(Reply.resource(Fixtures.BAD_RESUMPTION_TOKEN),
                Reply.resource(Fixtures.OAI_RAW_PAGE_WITH_TOKEN), Reply.resource(Fixtures.OAI_LAST_PAGE));
        var store = new MemoryStore(resumed);

        HarvestSummary summary = harvest(store);

        assertThat(summary.restarts()).isEqualTo(1);
        assertThat(arxiv.requests().get(0).params()).containsEntry("resumptionToken", "3");
        assertThat(arxiv.requests().get(1).params()).isEqualTo(Map.of(
                "verb", "ListRecords", "metadataPrefix", "arXivRaw", "from", "2014-10-01", "until", "2015-01-03"));
        assertThat(store.papers()).hasSize(8);
        assertThat(store.checkpoint().complete()).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        Fixtures.BAD_ARGUMENT + "| badArgument (Verb 'ListRecords', illegal argument 'identifier'.)",
        Fixtures.BAD_VERB + "| badVerb (Bad verb. Verb 'wah' not implemented.)",
        Fixtures.ID_DOES_NOT_EXIST + "| idDoesNotExist (Identifier 'oai:arXiv.org:0813.2274'"})
    void otherOaiErrorsStopTheHarvestNamingTheRequest(String fixture, String error) {
        arxiv.then(Reply.resource(Fixtures.OAI_RAW_PAGE_WITH_TOKEN), Reply.resource(fixture));
        var store = new MemoryStore(WINDOW);

        assertThatThrownBy(() -> harvest(store))
                .isInstanceOf(ArxivResponseException.class)
                .hasMessageStartingWith("arXiv OAI-PMH answered " + error)
                .hasMessageContaining("to GET " + arxiv.oaiBase() + "?verb=ListRecords&resumptionToken=726959%7C1001");
        assertThat(store.commits()).isEqualTo(1);
        assertThat(store.checkpoint().resumptionToken()).isEqualTo("726959|1001");
    }

    @Test
    void aMalformedPageStopsTheHarvestAndKeepsTheCheckpoint() {
        arxiv.then(Reply.resource(Fixtures.OAI_RAW_PAGE_WITH_TOKEN), truncatedXml(Fixtures.OAI_LAST_PAGE));
        var store = new MemoryStore(WINDOW);

        assertThatThrownBy(() -> harvest(store))
                .isInstanceOf(ArxivResponseException.class)
                .hasMessageStartingWith("malformed XML in the answer to GET " + arxiv.oaiBase()
                        + "?verb=ListRecords&resumptionToken=726959%7C1001");
        assertThat(store.checkpoint().resumptionToken()).isEqualTo("726959|1001");
        assertThat(store.papers()).hasSize(6);
    }

    @Test
    void aBodyCutOffMidTransferIsRetriedThenReportedWithTheUrl() {
        Reply cut = Reply.resource(Fixtures.OAI_LAST_PAGE).truncated();
        arxiv.then(cut, cut, cut);
        var store = new MemoryStore(WINDOW);

        assertThatThrownBy(() -> harvest(store))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("gave up on " + arxiv.oaiBase() + "?verb=ListRecords&metadataPrefix=arXivRaw"
                        + "&from=2014-10-01&until=2015-01-03 after 3 attempts");
        assertThat(arxiv.requests()).hasSize(3);
        assertThat(store.commits()).isZero();
        assertThat(store.checkpoint()).isEqualTo(WINDOW);
    }

    @Test
    void killedBetweenPagesTheNextRunEndsWithExactlyTheCleanRunsPapers() throws IOException {
        arxiv.then(Reply.resource(Fixtures.OAI_RAW_PAGE_WITH_TOKEN), Reply.resource(Fixtures.OAI_LAST_PAGE));
        var clean = new MemoryStore(WINDOW);
        harvest(clean);

        arxiv.then(Reply.resource(Fixtures.OAI_RAW_PAGE_WITH_TOKEN), Reply.status(400, "killed"));
        var crashed = new MemoryStore(WINDOW);
        assertThatThrownBy(() -> harvest(crashed)).isInstanceOf(ArxivHttpException.class);
        int before = arxiv.requests().size();

        arxiv.then(Reply.resource(Fixtures.OAI_LAST_PAGE));
        HarvestSummary second = harvest(crashed);

        assertThat(crashed.papers()).isEqualTo(clean.papers());
        assertThat(crashed.checkpoint()).isEqualTo(clean.checkpoint());
        assertThat(second.pages()).isEqualTo(1);
        assertThat(arxiv.requests().subList(before, arxiv.requests().size()))
                .singleElement().satisfies(r -> assertThat(r.params()).containsEntry("resumptionToken", "726959|1001"));
        assertThat(arxiv.unanswered()).isZero();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void killedWhileStoringAPageTheNextRunEndsWithExactlyTheCleanRunsPapers(int dyingStore) throws IOException {
        arxiv.then(Reply.resource(Fixtures.OAI_RAW_PAGE_WITH_TOKEN), Reply.resource(Fixtures.OAI_LAST_PAGE));
        var clean = new MemoryStore(WINDOW);
        harvest(clean);

        arxiv.then(Reply.resource(Fixtures.OAI_RAW_PAGE_WITH_TOKEN));
        if (dyingStore == 2) {
            arxiv.then(Reply.resource(Fixtures.OAI_LAST_PAGE));
        }
        var crashed = new MemoryStore(WINDOW).crashOnStore(dyingStore);
        assertThatThrownBy(() -> harvest(crashed)).hasMessageContaining("killed");
        assertThat(crashed.commits()).isEqualTo(dyingStore - 1);
        assertThat(arxiv.unanswered()).isZero();

        if (dyingStore == 1) {
            arxiv.then(Reply.resource(Fixtures.OAI_RAW_PAGE_WITH_TOKEN));
        }
        arxiv.then(Reply.resource(Fixtures.OAI_LAST_PAGE));
        harvest(crashed);

        assertThat(crashed.papers()).isEqualTo(clean.papers());
        assertThat(crashed.checkpoint()).isEqualTo(clean.checkpoint());
        assertThat(arxiv.unanswered()).isZero();
    }

    @Test
    void aCompleteWindowIsANoOpAndTheNextWindowStartsAtTheLastDatestamp() throws IOException {
        var done = new HarvestCheckpoint(null, FROM, UNTIL, null, LocalDate.of(2015, 1, 3), true);

        HarvestSummary summary = harvest(new MemoryStore(done));

        assertThat(summary.pages()).isZero();
        assertThat(arxiv.requests()).isEmpty();
        assertThat(done.nextWindow(LocalDate.of(2015, 1, 10))).isEqualTo(new HarvestCheckpoint(
                null, LocalDate.of(2015, 1, 3), LocalDate.of(2015, 1, 10), null, LocalDate.of(2015, 1, 3), false));
    }
}
