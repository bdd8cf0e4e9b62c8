package paperboy.harvest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import paperboy.db.Database;
import paperboy.db.StoreTest;
import paperboy.paper.ArxivId;
import paperboy.paper.Paper;
import paperboy.paper.PaperStore;

/** The harvest's store side on SQLite and PostgreSQL: a page and its checkpoint commit together or not at all. */
class HarvestLogTest {
    private static final Paper PAPER = new Paper(new ArxivId("1412.8544"), 0, "A Kochen-Specker system",
            "Abstract.", List.of("Ada Lovelace"), List.of("cs.DM"), Instant.parse("2014-12-29T00:00:00Z"),
            Instant.parse("2014-12-29T00:00:00Z"), null, null, null);
    private static final HarvestCheckpoint AFTER_PAGE = new HarvestCheckpoint(
            "cs", LocalDate.of(2015, 1, 1), null, "726959|1001", LocalDate.of(2015, 1, 3), false);

    private static HarvestLog log(Database db) {
        return new HarvestLog(db.jdbi(), new PaperStore(db.jdbi()), OaiRequest.ARXIV, FeatureRule.off(), new FakeTime());
    }

    @StoreTest
    void storesThePageAndItsCheckpoint(Database db) {
        var papers = new PaperStore(db.jdbi());
        var log = log(db);

        log.store(List.of(PAPER), List.of(), AFTER_PAGE);

        assertThat(papers.find(PAPER.id())).contains(PAPER);
        assertThat(log.last("cs")).contains(AFTER_PAGE);
        assertThat(log.last(null)).isEmpty();
        assertThat(papers.lastChangeNo()).isEqualTo(1);
    }

    @StoreTest
    void whenTheCheckpointCannotBeWrittenThePagesPapersAreNotStoredEither(Database db) {
        var papers = new PaperStore(db.jdbi());
        var log = log(db);
        DiskFull.start(db);

        assertThatThrownBy(() -> log.store(List.of(PAPER), List.of(), AFTER_PAGE)).hasMessageContaining("disk full");

        assertThat(papers.count()).isZero();
        assertThat(papers.lastChangeNo()).isZero();
        assertThat(log.last("cs")).isEmpty();
    }

    @StoreTest
    void aDeletedRecordMarksThePaperWithdrawnAsOfItsDatestampAndKeepsIt(Database db) {
        var papers = new PaperStore(db.jdbi());
        var log = log(db);
        log.store(List.of(PAPER), List.of(), AFTER_PAGE);
        long changeNo = papers.lastChangeNo();

        log.store(List.of(), List.of(new OaiRecord.Deleted(PAPER.id(), LocalDate.of(2015, 2, 3)),
                new OaiRecord.Deleted(new ArxivId("0704.0001"), LocalDate.of(2015, 2, 3))),
                AFTER_PAGE.afterPage(ResumptionToken.COMPLETE, null));

        Paper withdrawn = papers.find(PAPER.id()).orElseThrow();
        assertThat(withdrawn.withdrawnAt()).isEqualTo(Instant.parse("2015-02-03T00:00:00Z"));
        assertThat(papers.count()).isEqualTo(1);
        assertThat(papers.lastChangeNo()).isGreaterThan(changeNo); // cached pages and the index see it
        assertThat(log.last("cs")).get().satisfies(c -> assertThat(c.complete()).isTrue());

        log.store(List.of(PAPER), List.of(new OaiRecord.Deleted(PAPER.id(), LocalDate.of(2015, 3, 1))), AFTER_PAGE);

        assertThat(papers.find(PAPER.id())).contains(withdrawn); // a later record or report changes nothing
    }

    @StoreTest
    void theNextRunResumesAnUnfinishedWindowUnlessAnotherIsAskedFor(Database db) {
        var log = log(db);
        log.store(List.of(PAPER), List.of(), AFTER_PAGE);
        var http = new ArxivHttp("0.1.0", "mailto:ops@example.org", java.time.Duration.ofSeconds(1),
                new Politeness(java.time.Duration.ZERO));
        var harvester = new Harvester(new ArxivOai(java.net.URI.create("http://127.0.0.1:9/oai"), http), log,
                new FakeTime());
        http.close();

        assertThat(harvester.plan("cs", null, null)).isEqualTo(AFTER_PAGE);
        assertThat(harvester.plan("cs", LocalDate.of(2015, 1, 1), null)).isEqualTo(AFTER_PAGE);
        assertThat(harvester.plan("cs", LocalDate.of(2015, 2, 1), null))
                .isEqualTo(HarvestCheckpoint.start("cs", LocalDate.of(2015, 2, 1), null));
        assertThat(harvester.plan("stat", null, null))
                .isEqualTo(HarvestCheckpoint.start("stat", LocalDate.of(2026, 1, 4), null));
    }
}
