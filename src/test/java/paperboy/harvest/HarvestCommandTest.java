package paperboy.harvest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paperboy.App;
import paperboy.config.Config;
import paperboy.harvest.FakeArxiv.Reply;
import paperboy.paper.ArxivId;
import paperboy.paper.Paper;

/**
 * {@code paperboy harvest} end to end: the command, a fake arXiv replaying recorded pages, a real
 * SQLite store (the command reads the store URL from the environment; {@link HarvestStoreTest}
 * runs the same harvests on PostgreSQL too).
 */
class HarvestCommandTest {
    private static final String FROM = "2014-10-01";
    private static final String UNTIL = "2015-01-03";

    @TempDir
    Path data;

    private final FakeArxiv arxiv = new FakeArxiv();

    HarvestCommandTest() throws IOException {}

    @AfterEach
    void stop() {
        arxiv.close();
    }

    private Cli harvest(Path dir) {
        return Cli.run("harvest", "--data", dir.toString(), "--base-url", arxiv.oaiBase().toString(),
                "--delay", "0", "--contact", "mailto:ops@example.org", "--from", FROM, "--until", UNTIL);
    }

    private static Map<ArxivId, Paper> stored(Path dir) throws IOException {
        try (App app = new App(new Config(0, dir, null, false))) {
            List<Paper> all = app.papers().newest(null, 1000);
            return all.stream().collect(Collectors.toMap(Paper::id, p -> p));
        }
    }

    private static HarvestCheckpoint checkpoint(Path dir) throws IOException {
        try (App app = new App(new Config(0, dir, null, false))) {
            return app.harvestLog().last(null).orElseThrow();
        }
    }

    @Test
    void storesExactlyTheHarvestedPapersAndACompleteCheckpoint() throws IOException {
        arxiv.then(Reply.resource(Fixtures.OAI_RAW_PAGE_WITH_TOKEN), Reply.resource(Fixtures.OAI_LAST_PAGE));

        Cli run = harvest(data);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).matches("harvested 8 papers \\(0 deleted, 0 featured automatically\\) in 2 pages in [0-9.]+ s\\R");
        assertThat(stored(data).keySet()).extracting(ArxivId::value).containsExactlyInAnyOrder(
                "0704.0471", "0704.0716", "0704.0874", "0704.1109", "0704.1114", "0704.1586",
                "1412.8544", "hep-th/9504118");
        assertThat(stored(data).get(new ArxivId("1412.8544")).title())
                .startsWith("A Kochen-Specker system has at least 22 vectors");
        assertThat(arxiv.requests().getFirst().params()).isEqualTo(Map.of("verb", "ListRecords",
                "metadataPrefix", "arXiv", "from", FROM, "until", UNTIL));
        assertThat(arxiv.requests().getFirst().header("User-Agent")).isEqualTo("Paperboy/0.1.0 (+mailto:ops@example.org)");
        try (App app = new App(new Config(0, data, null, false))) {
            assertThat(app.harvestLog().last(null)).contains(new HarvestCheckpoint(
                    null, LocalDate.parse(FROM), LocalDate.parse(UNTIL), null, LocalDate.parse(UNTIL), true));
        }
    }

    @Test
    void killedBetweenPagesTheNextRunResumesAndEndsWithExactlyTheCleanRunsPapers(@TempDir Path cleanDir)
            throws IOException {
        arxiv.then(Reply.resource(Fixtures.OAI_RAW_PAGE_WITH_TOKEN), Reply.resource(Fixtures.OAI_LAST_PAGE));
        assertThat(harvest(cleanDir).exitCode()).isZero();
        Map<ArxivId, Paper> clean = stored(cleanDir);

        arxiv.then(Reply.resource(Fixtures.OAI_RAW_PAGE_WITH_TOKEN), Reply.status(400, "killed"));
        Cli killed = harvest(data);

        assertThat(killed.exitCode()).isEqualTo(1);
        assertThat(killed.err()).contains("harvest failed").contains("400")
                .contains(arxiv.oaiBase() + "?verb=ListRecords&resumptionToken=726959%7C1001");
        assertThat(stored(data)).hasSize(6);
        try (App app = new App(new Config(0, data, null, false))) {
            assertThat(app.harvestLog().last(null)).contains(new HarvestCheckpoint(
                    null, LocalDate.parse(FROM), LocalDate.parse(UNTIL), "726959|1001", LocalDate.of(2014, 12, 22), false));
        }
        int before = arxiv.requests().size();

        arxiv.then(Reply.resource(Fixtures.OAI_LAST_PAGE));
        Cli resumed = harvest(data);

        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(resumed.out()).startsWith("harvested 2 papers");
        assertThat(arxiv.requests().subList(before, arxiv.requests().size())).singleElement()
                .satisfies(r -> assertThat(r.params()).isEqualTo(Map.of("verb", "ListRecords", "resumptionToken", "726959|1001")));
        assertThat(stored(data)).isEqualTo(clean);
        assertThat(checkpoint(data)).isEqualTo(checkpoint(cleanDir));
        assertThat(arxiv.unanswered()).isZero();
    }

    @Test
    void aCompleteHarvestIsFollowedByTheNextWindowFromItsLastDatestamp() throws IOException {
        arxiv.then(Reply.resource(Fixtures.OAI_LAST_PAGE), Reply.resource(Fixtures.NO_RECORDS_MATCH));
        assertThat(harvest(data).exitCode()).isZero();

        Cli next = Cli.run("harvest", "--data", data.toString(), "--base-url", arxiv.oaiBase().toString(),
                "--delay", "0", "--contact", "mailto:ops@example.org");

        assertThat(next.exitCode()).as(next.err()).isZero();
        assertThat(arxiv.requests().get(1).params()).isEqualTo(Map.of("verb", "ListRecords",
                "metadataPrefix", "arXiv", "from", UNTIL));
    }

    @Test
    void noRecordsMatchIsASuccessfulHarvestOfNothing() throws IOException {
        arxiv.then(Reply.resource(Fixtures.NO_RECORDS_MATCH));

        Cli run = Cli.run("harvest", "--data", data.toString(), "--base-url", arxiv.oaiBase().toString(),
                "--delay", "0", "--contact", "mailto:ops@example.org", "--set", "cs", "--from", FROM);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("harvested 0 papers (0 deleted, 0 featured automatically) in 0 pages");
        assertThat(arxiv.requests().getFirst().params()).containsEntry("set", "cs");
        assertThat(stored(data)).isEmpty();
    }

    @Test
    void withoutAContactItRefusesBeforeAnyRequest() {
        Cli run = Cli.run("harvest", "--data", data.toString(), "--base-url", arxiv.oaiBase().toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("PAPERBOY_CONTACT is not set");
        assertThat(arxiv.requests()).isEmpty();
    }
}
