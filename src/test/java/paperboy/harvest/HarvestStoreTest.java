package paperboy.harvest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import paperboy.App;
import paperboy.config.Config;
import paperboy.db.Database;
import paperboy.db.StoreTest;
import paperboy.db.StoreUrl;
import paperboy.harvest.FakeArxiv.Reply;
import paperboy.paper.ArxivId;
import paperboy.paper.Paper;

/**
 * Harvests from a fake arXiv replaying recorded pages into the real store, on SQLite and
 * PostgreSQL, through {@link App} as {@code paperboy harvest} and {@code serve} wire it: what a
 * clean run stores, how a killed run resumes, and automatic featuring.
 */
class HarvestStoreTest {
    private static final LocalDate FROM = LocalDate.of(2014, 10, 1);
    private static final LocalDate UNTIL = LocalDate.of(2015, 1, 3);
    private static final HarvestCheckpoint CLEAN_END = new HarvestCheckpoint(null, FROM, UNTIL, null, UNTIL, true);

    @TempDir
    Path data;

    private final FakeArxiv arxiv = new FakeArxiv();

    HarvestStoreTest() throws IOException {}

    @AfterEach
    void stop() {
        arxiv.close();
    }

    private Config config(StoreUrl store) {
        Config plain = new Config(0, data, store.value(), false);
        return plain.withArxiv(plain.arxiv().withOaiUrl(arxiv.oaiBase()).withDelay(Duration.ZERO)
                .withContact("mailto:ops@example.org"));
    }

    /** The papers of the two recorded pages, as parsed: what a clean run of the window stores. */
    private static Map<ArxivId, Paper> cleanRun() throws IOException {
        Map<ArxivId, Paper> papers = new HashMap<>();
        for (String page : List.of(Fixtures.OAI_RAW_PAGE_WITH_TOKEN, Fixtures.OAI_LAST_PAGE)) {
            var answer = (OaiAnswer.Page) OaiXml.parse(Fixtures.bytes(page), page);
            answer.records().forEach(r -> papers.put(r.id(), ((OaiRecord.Live) r).paper()));
        }
        return papers;
    }

    private static Map<ArxivId, Paper> stored(App app) {
        return app.papers().newest(null, 1000).stream().collect(Collectors.toMap(Paper::id, p -> p));
    }

    @StoreTest
    void aCleanRunStoresExactlyTheHarvestedPapersAndACompleteCheckpoint(StoreUrl store) throws IOException {
        arxiv.then(Reply.resource(Fixtures.OAI_RAW_PAGE_WITH_TOKEN), Reply.resource(Fixtures.OAI_LAST_PAGE));

        try (App app = new App(config(store))) {
            HarvestSummary summary = app.harvester().harvest(null, FROM, UNTIL);

            assertThat(summary.records()).isEqualTo(8);
            assertThat(stored(app)).isEqualTo(cleanRun());
            assertThat(app.harvestLog().last(null)).contains(CLEAN_END);
        }
    }

    @StoreTest
    void killedBetweenPagesTheNextRunResumesAndEndsWithExactlyTheCleanRunsPapers(StoreUrl store) throws IOException {
        arxiv.then(Reply.resource(Fixtures.OAI_RAW_PAGE_WITH_TOKEN), Reply.status(400, "killed"));
        try (App app = new App(config(store))) {
            assertThatThrownBy(() -> app.harvester().harvest(null, FROM, UNTIL)).isInstanceOf(ArxivHttpException.class);
            assertThat(stored(app)).hasSize(6);
        }
        int before = arxiv.requests().size();

        arxiv.then(Reply.resource(Fixtures.OAI_LAST_PAGE));
        try (App app = new App(config(store))) {
            HarvestSummary resumed = app.harvester().harvest(null, FROM, UNTIL);

            assertThat(resumed.pages()).isEqualTo(1);
            assertThat(stored(app)).isEqualTo(cleanRun());
            assertThat(app.harvestLog().last(null)).contains(CLEAN_END);
        }
        assertThat(arxiv.requests().subList(before, arxiv.requests().size())).singleElement()
                .satisfies(r -> assertThat(r.params()).containsEntry("resumptionToken", "726959|1001"));
        assertThat(arxiv.unanswered()).isZero();
    }

    @StoreTest
    void killedWhileStoringAPageTheNextRunStoresItAgainAndEndsWithExactlyTheCleanRunsPapers(
            Database db, StoreUrl store) throws IOException {
        arxiv.then(Reply.resource(Fixtures.OAI_RAW_PAGE_WITH_TOKEN), Reply.resource(Fixtures.OAI_LAST_PAGE));
        try (App app = new App(config(store))) {
            HarvestLog log = app.harvestLog();
            int[] pages = {0};
            HarvestSink diskFillsOnPageTwo = (papers, deleted, next) -> {
                if (++pages[0] == 2) {
                    DiskFull.start(db);
                }
                log.store(papers, deleted, next);
            };
            var harvest = new Harvest(new ArxivOai(arxiv.oaiBase(), app.arxivHttp()), OaiRequest.ARXIV,
                    diskFillsOnPageTwo, Clock.systemUTC());

            assertThatThrownBy(() -> harvest.run(HarvestCheckpoint.start(null, FROM, UNTIL)))
                    .hasMessageContaining("disk full");
            assertThat(stored(app)).hasSize(6);
            assertThat(log.last(null).orElseThrow().resumptionToken()).isEqualTo("726959|1001");
        }
        DiskFull.stop(db);

        arxiv.then(Reply.resource(Fixtures.OAI_LAST_PAGE));
        try (App app = new App(config(store))) {
            app.harvester().harvest(null, FROM, UNTIL);

            assertThat(stored(app)).isEqualTo(cleanRun());
            assertThat(app.harvestLog().last(null)).contains(CLEAN_END);
        }
        assertThat(arxiv.unanswered()).isZero();
    }

    @StoreTest
    void newPapersMatchingTheFeatureRuleAreOnTheirDaysListMarkedAsAutomatic(StoreUrl store) throws IOException {
        arxiv.then(Reply.resource(Fixtures.OAI_LAST_PAGE));
        Config config = config(store);

        try (App app = new App(config.withArxiv(config.arxiv().withFeatureRule(List.of("cs.DM"), null)))) {
            Harvester harvester = app.harvester();
            harvester.harvest(null, LocalDate.parse("2015-01-01"), UNTIL);
            app.index().catchUp(app.papers());

            assertThat(harvester.featured()).isEqualTo(1);
            assertThat(app.papers().featuredDays(new ArxivId("1412.8544"))).containsExactly(LocalDate.of(2014, 12, 29));
            assertThat(app.papers().featuredDays(new ArxivId("hep-th/9504118"))).isEmpty();
            io.javalin.testtools.JavalinTest.test(app.web(), (server, client) -> {
                String page = client.get("/papers/date/2014-12-29").body().string();
                assertThat(page).contains("A Kochen-Specker system").contains("featured automatically");
            });
        }
    }

    @StoreTest
    void papersAlreadyInTheStoreAreNotFeaturedAgain(StoreUrl store) throws IOException {
        arxiv.then(Reply.resource(Fixtures.OAI_LAST_PAGE), Reply.resource(Fixtures.OAI_LAST_PAGE));
        Config config = config(store);
        try (App app = new App(config)) {
            app.harvester().harvest(null, LocalDate.parse("2015-01-01"), UNTIL);
        }

        try (App app = new App(config.withArxiv(config.arxiv().withFeatureRule(List.of("cs"), null)))) {
            Harvester harvester = app.harvester();
            harvester.harvest(null, LocalDate.parse("2015-01-01"), UNTIL);

            assertThat(harvester.featured()).isZero();
            assertThat(app.papers().featuredDays(new ArxivId("1412.8544"))).isEmpty();
        }
        assertThat(Set.copyOf(arxiv.requests().stream().map(r -> r.params().get("from")).toList()))
                .containsExactly("2015-01-01");
    }

    @StoreTest
    void aDeletedRecordShowsItsPaperWithdrawnOnItsPageAndInTheApiAtOnce(StoreUrl store) throws IOException {
        String deleted = """
                <OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"><ListRecords>
                <record><header status="deleted"><identifier>oai:arXiv.org:1412.8544</identifier>
                <datestamp>2015-02-03</datestamp><setSpec>cs</setSpec></header></record>
                </ListRecords></OAI-PMH>""";
        arxiv.then(Reply.resource(Fixtures.OAI_LAST_PAGE), new Reply(200, Map.of("Content-Type", "text/xml"),
                deleted.getBytes(java.nio.charset.StandardCharsets.UTF_8), Duration.ZERO, false));

        try (App app = new App(config(store))) {
            app.harvester().harvest(null, LocalDate.parse("2015-01-01"), UNTIL);
            io.javalin.testtools.JavalinTest.test(app.web(), (server, client) -> {
                assertThat(client.get("/papers/1412.8544").body().string()).doesNotContain("Withdrawn on");

                HarvestSummary summary = app.harvester().harvest(null, LocalDate.parse("2015-02-01"), null);

                assertThat(summary.deleted()).isEqualTo(1);
                assertThat(client.get("/papers/1412.8544").body().string())
                        .contains("<strong>Withdrawn on 3 February 2015.</strong>", "A Kochen-Specker system");
                assertThat(client.get("/api/papers/1412.8544").body().string())
                        .contains("\"withdrawnAt\":\"2015-02-03T00:00:00.000Z\"");
                assertThat(client.get("/api/papers/hep-th/9504118").body().string()).doesNotContain("withdrawnAt");
            });
        }
    }
}
