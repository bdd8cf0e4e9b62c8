package paperboy.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paperboy.Fixtures;
import paperboy.db.Database;
import paperboy.paper.ArxivId;
import paperboy.paper.Change;
import paperboy.paper.FeaturedStore;
import paperboy.paper.Paper;
import paperboy.paper.PaperStore;

/** Imports the captured fixture files into a real SQLite store. */
class ImporterTest {
    // Counted from the files with
    //   python3 -c "import json,glob; e=[x['paper']['id'] for f in glob.glob('hf-days/*.json') for x in json.load(open(f))]; print(len(e), len(set(e)))"
    // which prints "240 236": 240 entries in 10 day files, 236 distinct papers (four ids are on two days).
    private static final int HF_DAY_FILES = 10;
    private static final int HF_ENTRIES = 240;
    private static final int HF_PAPERS = 236;

    @TempDir
    Path dir;
    private Database db;
    private PaperStore store;
    private FeaturedStore featured;
    private Importer importer;

    @BeforeEach
    void openStore() {
        db = Database.open("jdbc:sqlite:" + dir.resolve("p.db"));
        store = new PaperStore(db.jdbi());
        featured = new FeaturedStore(db.jdbi());
        importer = new Importer(new ImportLog(db.jdbi(), store, java.time.Clock.systemUTC()),
                new PrintStream(OutputStream.nullOutputStream()));
    }

    @AfterEach
    void closeStore() {
        db.close();
    }

    @Test
    void importsEveryPaperAndFeaturedDayOfTheDailyPapersFiles() throws IOException {
        ImportReport report = importer.importPaths(List.of(Fixtures.copy("hf-days", dir)));

        assertThat(report.imported()).isEqualTo(HF_PAPERS);
        assertThat(report.rejections()).isEmpty();
        assertThat(report.failedFiles()).isEmpty();
        assertThat(store.count()).isEqualTo(HF_PAPERS);
        assertThat(featured.countDays()).isEqualTo(HF_DAY_FILES);
        assertThat(featuredPairs()).isEqualTo(HF_ENTRIES);
    }

    @Test
    void readsTheOldSchemaOf2024() throws IOException {
        importer.importPaths(List.of(Fixtures.copy("hf-days", dir)));

        Paper convLlava = store.find(ArxivId.parse("2405.15738")).orElseThrow();
        // The file's title is hard-wrapped: "...for Large Multimodal\n  Models".
        assertThat(convLlava.title())
                .isEqualTo("ConvLLaVA: Hierarchical Backbones as Visual Encoder for Large Multimodal Models");
        assertThat(convLlava.authors()).hasSize(9).startsWith("Chunjiang Ge", "Sijie Cheng").endsWith("Bo Zheng");
        assertThat(convLlava.community().upvotes()).isEqualTo(32);
        assertThat(convLlava.community().numComments()).isEqualTo(3);
        assertThat(convLlava.community().aiKeywords()).isEmpty();
        assertThat(convLlava.links().githubRepo()).isNull();
        assertThat(convLlava.summary()).startsWith("High-resolution Large Multimodal Models (LMMs) encounter the "
                + "challenges of excessive visual tokens").doesNotContain("\n");
        assertThat(convLlava.publishedAt()).isEqualTo(Instant.parse("2024-05-24T17:34:15Z"));
        assertThat(store.featuredDays(convLlava.id())).containsExactly(LocalDate.parse("2024-05-27"));
        // Without submittedOnDailyAt the moment it was featured is the entry's publishedAt.
        assertThat(featured.between(LocalDate.parse("2024-05-27"), LocalDate.parse("2024-05-27"),
                FeaturedStore.Order.UPVOTES, 0, 1)).singleElement().satisfies(f -> {
                    assertThat(f.paper().id()).isEqualTo(convLlava.id());
                    assertThat(f.featuredAt()).isEqualTo(Instant.parse("2024-05-27T03:50:58.348Z"));
                });
    }

    @Test
    void readsTheNewSchemaOf2026() throws IOException {
        importer.importPaths(List.of(Fixtures.copy("hf-days", dir)));

        Paper envHarness = store.find(ArxivId.parse("2608.19880")).orElseThrow();
        assertThat(envHarness.title()).isEqualTo("EnvHarness: Awakening Static Worlds for Agent Learning");
        assertThat(envHarness.authors()).hasSize(17);
        assertThat(envHarness.community().upvotes()).isEqualTo(163);
        assertThat(envHarness.links().githubRepo()).isEqualTo("https://github.com/google-research/envharness");
        assertThat(envHarness.links().githubStars()).isEqualTo(8);
        assertThat(envHarness.community().aiKeywords()).containsExactly("LLM agents", "Environment Harness",
                "EnvHarness", "EnvRigger", "black-box policy", "execution trajectories", "reinforcement learning",
                "co-evolution");
        assertThat(envHarness.community().aiSummary()).isNotBlank();
        assertThat(envHarness.categories()).isEmpty();
        assertThat(store.featuredDays(envHarness.id())).containsExactly(LocalDate.parse("2026-08-21"));
    }

    @Test
    void aPaperOnTwoDaysHasBothDaysAndItsHighestUpvotes() throws IOException {
        importer.importPaths(List.of(Fixtures.copy("hf-days", dir)));

        ArxivId omniScientist = ArxivId.parse("2608.13558");
        assertThat(store.featuredDays(omniScientist))
                .containsExactly(LocalDate.parse("2026-08-14"), LocalDate.parse("2026-08-20"));
        // 2 upvotes on 2026-08-14, 54 on 2026-08-20.
        assertThat(store.find(omniScientist).orElseThrow().community().upvotes()).isEqualTo(54);
        for (String id : List.of("2604.07429", "2606.11176", "2608.12313")) {
            assertThat(store.featuredDays(ArxivId.parse(id))).as(id).hasSize(2);
        }
    }

    @Test
    void reImportingChangesNothing() throws IOException {
        Path days = Fixtures.copy("hf-days", dir);
        importer.importPaths(List.of(days));
        List<Change> before = store.changesSince(Change.Position.START, 1000);
        long changeNo = store.lastChangeNo();

        ImportReport again = importer.importPaths(List.of(days));

        assertThat(again.summary()).isEqualTo("imported 0, updated 0, skipped 0 (" + HF_PAPERS + " already up to date)");
        assertThat(store.changesSince(Change.Position.START, 1000)).isEqualTo(before);
        assertThat(store.lastChangeNo()).isEqualTo(changeNo);
        assertThat(featuredPairs()).isEqualTo(HF_ENTRIES);
    }

    @Test
    void reportsEachEntryOfTheMalformedDaysAndImportsTheOtherFiles() throws IOException {
        Path malformed = Fixtures.copy("hf-malformed", dir);
        Path goodDay = Fixtures.copy("hf-days/2026-08-21.json", dir);

        ImportReport report = importer.importPaths(List.of(malformed, goodDay));

        // 2024-12-11.json: an array of 26 Python-repr strings, one a line from line 2;
        // 2025-01-10.json: an object whose "data" holds 9 of them from line 6.
        assertThat(report.rejections()).hasSize(26 + 9);
        assertThat(report.rejections().subList(0, 26)).extracting(Rejection::where).containsExactlyElementsOf(
                IntStream.range(0, 26).mapToObj(i -> malformed.resolve("2024-12-11.json") + ":" + (i + 2)
                        + " (entry " + i + ")").toList());
        assertThat(report.rejections().subList(26, 35)).extracting(Rejection::where).containsExactlyElementsOf(
                IntStream.range(0, 9).mapToObj(i -> malformed.resolve("2025-01-10.json") + ":" + (i + 6)
                        + " (entry " + i + ")").toList());
        assertThat(report.rejections()).extracting(Rejection::reason)
                .allMatch(r -> r.equals("a string, not a JSON object (the source stored a Python repr)"));
        // 2026-08-21.json has 17 entries.
        assertThat(report.imported()).isEqualTo(17);
        assertThat(report.summary()).isEqualTo("imported 17, updated 0, skipped 35");
    }

    @Test
    void importsTheArxivSnapshotWithLatexAccentsCleaned() throws IOException {
        Path snapshot = Fixtures.copy("kaggle/arxiv-metadata-oai-snapshot.head200.jsonl", dir);

        ImportReport report = importer.importPaths(List.of(snapshot));

        assertThat(report.summary()).isEqualTo("imported 200, updated 0, skipped 0");
        assertThat(store.count()).isEqualTo(200);
        assertFirstSnapshotPaper();
        // The file spells these authors "Rastislav \v{S}r\'amek, Bro\v{n}a Brejov\'a, Tom\'a\v{s} Vina\v{r}".
        assertThat(store.find(ArxivId.parse("0704.0062")).orElseThrow().authors())
                .containsExactly("Rastislav Šrámek", "Broňa Brejová", "Tomáš Vinař");
        assertThat(store.find(ArxivId.parse("0704.0049")).orElseThrow().authors()).containsExactly("Mikkel Øbro");
        assertThat(featured.countDays()).isZero();
    }

    @Test
    void importsTheGzippedSnapshotLikeThePlainOne() throws IOException {
        ImportReport report = importer.importPaths(List.of(Fixtures.copy("kaggle/head200.jsonl.gz", dir)));

        assertThat(report.summary()).isEqualTo("imported 200, updated 0, skipped 0");
        assertFirstSnapshotPaper();
    }

    @Test
    void theSnapshotAsPublishedEndsInJsonAndIsToldFromTheDayFilesBesideIt() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("downloads"));
        Files.copy(Fixtures.copy("kaggle/arxiv-metadata-oai-snapshot.head200.jsonl", dir), folder.resolve("arxiv.json"));
        Files.copy(Fixtures.copy("kaggle/head200.jsonl.gz", dir), folder.resolve("arxiv-metadata-oai-snapshot.json.gz"));
        Files.copy(Fixtures.copy("hf-days/2026-08-21.json", dir), folder.resolve("2026-08-21.json"));

        ImportReport report = importer.importPaths(List.of(folder));

        // 17 papers of the day file; the snapshot's 200 come twice (plain, then gzipped).
        assertThat(report.summary()).isEqualTo("imported 217, updated 0, skipped 0 (200 already up to date)");
        assertFirstSnapshotPaper();
        assertThat(featured.countDays()).isEqualTo(1);
    }

    @Test
    void importsTheGoodLinesOfADamagedSnapshotAndReportsTheBadOnes() throws IOException {
        Path file = Fixtures.copy("kaggle/bad-lines.jsonl", dir);

        ImportReport report = importer.importPaths(List.of(file));

        assertThat(report.imported()).isEqualTo(3);
        assertThat(store.findAll(List.of(ArxivId.parse("0704.0001"), ArxivId.parse("0704.0004"),
                ArxivId.parse("0704.0007")))).hasSize(3);
        // Line 3 is empty and is passed over silently; the other four bad lines are reported.
        assertThat(report.rejections()).extracting(Rejection::where)
                .containsExactly(file + ":2", file + ":4", file + ":6", file + ":7");
        assertThat(report.rejections().get(0).reason()).startsWith("broken JSON");
        assertThat(report.rejections().get(1).reason()).isEqualTo("missing id");
        assertThat(report.rejections().get(2).reason()).isEqualTo("missing title for 0704.0005");
        assertThat(report.rejections().get(3).reason()).startsWith("not an arXiv id: \"not-an-id\"");
        assertThat(report.summary()).isEqualTo("imported 3, updated 0, skipped 4");
    }

    @Test
    void aMissingPathOrAnUnknownFormatIsReportedAndTheOtherPathsImport() throws IOException {
        Path missing = dir.resolve("no-such-folder");
        Path notes = Files.writeString(dir.resolve("notes.txt"), "not papers");
        Path goodDay = Fixtures.copy("hf-days/2026-08-21.json", dir);

        ImportReport report = importer.importPaths(List.of(missing, notes, goodDay));

        assertThat(report.failedFiles()).hasSize(2);
        assertThat(report.failedFiles().get(0)).isEqualTo(missing + ": no such file or folder");
        assertThat(report.failedFiles().get(1)).startsWith(notes + ": cannot tell the format of notes.txt");
        assertThat(report.imported()).isEqualTo(17);
    }

    @Test
    void theSummaryLineCountsImportedUpdatedAndSkipped() {
        var skipped = List.of(new Rejection("a.jsonl:2", "broken JSON"), new Rejection("a.jsonl:4", "missing id"));

        assertThat(new ImportReport(5, 2, 0, skipped, List.of()).summary()).isEqualTo("imported 5, updated 2, skipped 2");
        assertThat(new ImportReport(0, 1, 7, List.of(), List.of()).summary())
                .isEqualTo("imported 0, updated 1, skipped 0 (7 already up to date)");
        assertThat(new ImportReport(1, 0, 0, skipped, List.of("x")).plus(new ImportReport(2, 3, 4, skipped, List.of()))
                .summary()).isEqualTo("imported 3, updated 3, skipped 4 (4 already up to date)");
    }

    private void assertFirstSnapshotPaper() {
        Paper first = store.find(ArxivId.parse("0704.0001")).orElseThrow();
        assertThat(first.title())
                .isEqualTo("Calculation of prompt diphoton production cross sections at Tevatron and LHC energies");
        assertThat(first.authors()).containsExactly("C. Balázs", "E. L. Berger", "P. M. Nadolsky", "C. -P. Yuan");
        assertThat(first.categories()).containsExactly("hep-ph");
        assertThat(first.version()).isEqualTo(2);
        assertThat(first.publishedAt()).isEqualTo(Instant.parse("2007-04-02T19:18:42Z"));
        assertThat(first.bibliography().doi()).isEqualTo("10.1103/PhysRevD.76.013009");
        assertThat(first.bibliography().journalRef()).isEqualTo("Phys.Rev.D76:013009,2007");
    }

    /** The number of (paper, day) rows: each paper once per day it was featured. */
    private long featuredPairs() {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM featured").mapTo(Long.class).one());
    }
}
