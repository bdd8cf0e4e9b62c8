package paperboy.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import paperboy.Fixtures;
import paperboy.db.Database;
import paperboy.db.StoreTest;
import paperboy.paper.Change;
import paperboy.paper.PaperStore;

/**
 * An import of the arXiv snapshot stopped part-way (its store fails after some batches, as a crash
 * between two transactions would) and run again, on SQLite and PostgreSQL: it resumes after the
 * last stored batch and ends with exactly the papers of an import that was never stopped.
 */
@Timeout(120) // a guard against a stage waiting forever, not a speed check
class ResumeImportTest {
    private static final String SNAPSHOT = "kaggle/arxiv-metadata-oai-snapshot.head200.jsonl";
    /** 200 lines in batches of 30: six full batches and one of 20. */
    private static final int BATCH = 30;

    @TempDir
    Path dir;
    private final ByteArrayOutputStream messages = new ByteArrayOutputStream();

    @StoreTest
    void aStoppedImportResumesAfterTheLastStoredBatchAndEndsWithTheSamePapers(Database db) throws IOException {
        Path snapshot = snapshotNamedAsPublished();
        ImportLog log = logOf(db);

        assertThatThrownBy(() -> importer(new StoppingStore(log, 2)).importPaths(List.of(snapshot)))
                .isInstanceOf(StoppingStore.Stopped.class);
        assertThat(new PaperStore(db.jdbi()).count()).isEqualTo(2 * BATCH);

        ImportReport resumed = importer(log).importPaths(List.of(snapshot));

        // Only the lines after the checkpoint were read: none of the 60 stored papers came again.
        assertThat(resumed.summary()).isEqualTo("imported 140, updated 0, skipped 0");
        assertThat(messages.toString(StandardCharsets.UTF_8)).contains(snapshot + ": resuming after line 60");
        assertThat(papersOf(db)).isEqualTo(papersOfACleanImport(snapshot));
    }

    @StoreTest
    void aFinishedFileIsPassedOverUntilItChangesOrARestartIsAsked(Database db) throws IOException {
        Path snapshot = snapshotNamedAsPublished();
        importer(logOf(db)).importPaths(List.of(snapshot));

        ImportReport again = importer(logOf(db)).importPaths(List.of(snapshot));
        ImportReport restarted = importer(logOf(db)).importPaths(List.of(snapshot), Importer.Start.FROM_THE_BEGINNING);

        assertThat(again.summary()).isEqualTo("imported 0, updated 0, skipped 0");
        assertThat(messages.toString(StandardCharsets.UTF_8))
                .contains(snapshot + ": imported before and unchanged since, passed over");
        assertThat(restarted.summary()).isEqualTo("imported 0, updated 0, skipped 0 (200 already up to date)");

        // A new snapshot at the same path (here: one more line) is read from the start again.
        Files.writeString(snapshot, "\n", java.nio.file.StandardOpenOption.APPEND);
        ImportReport changed = importer(logOf(db)).importPaths(List.of(snapshot));
        assertThat(changed.summary()).isEqualTo("imported 0, updated 0, skipped 0 (200 already up to date)");
    }

    @StoreTest
    void aGzippedSnapshotResumesToo(Database db) throws IOException {
        Path gzipped = Fixtures.copy("kaggle/head200.jsonl.gz", dir);
        ImportLog log = logOf(db);

        assertThatThrownBy(() -> importer(new StoppingStore(log, 5)).importPaths(List.of(gzipped)))
                .isInstanceOf(StoppingStore.Stopped.class);
        ImportReport resumed = importer(log).importPaths(List.of(gzipped));

        assertThat(resumed.summary()).isEqualTo("imported 50, updated 0, skipped 0");
        assertThat(papersOf(db)).isEqualTo(papersOfACleanImport(Fixtures.copy(SNAPSHOT, dir)));
    }

    @StoreTest
    void badLinesAfterAResumeAreReportedWithTheirLineNumbers(Database db) throws IOException {
        Path file = Fixtures.copy("kaggle/bad-lines.jsonl", dir);
        ImportLog log = logOf(db);

        // Batches of 3 lines: the first batch (lines 1-3) is stored, then the import stops.
        assertThatThrownBy(() -> new Importer(new StoppingStore(log, 1), quiet(), 1, 3).importPaths(List.of(file)))
                .isInstanceOf(StoppingStore.Stopped.class);
        ImportReport resumed = new Importer(log, quiet(), 1, 3).importPaths(List.of(file));

        assertThat(resumed.rejections()).extracting(Rejection::where)
                .containsExactly(file + ":4", file + ":6", file + ":7");
        assertThat(resumed.imported()).isEqualTo(2); // 0704.0004 and 0704.0007; 0704.0001 was in the first batch
        assertThat(new PaperStore(db.jdbi()).count()).isEqualTo(3);
    }

    /** The real file's name ends in .json although it is JSON Lines. */
    private Path snapshotNamedAsPublished() throws IOException {
        Path copy = Fixtures.copy(SNAPSHOT, dir);
        return Files.move(copy, dir.resolve("arxiv-metadata-oai-snapshot.json"), StandardCopyOption.REPLACE_EXISTING);
    }

    private List<Change> papersOfACleanImport(Path snapshot) throws IOException {
        try (Database clean = Database.open("jdbc:sqlite:" + dir.resolve("clean.db"))) {
            new Importer(logOf(clean), quiet(), 1, BATCH).importPaths(List.of(snapshot));
            return papersOf(clean);
        }
    }

    /** Every paper as stored, without the change numbers (which count batches, so differ between runs). */
    private static List<Change> papersOf(Database db) {
        return new PaperStore(db.jdbi()).changesSince(Change.Position.START, 10_000).stream()
                .map(c -> new Change(c.paper(), c.firstFeatured(), Change.Position.START))
                .sorted(java.util.Comparator.comparing(c -> c.paper().id().value()))
                .toList();
    }

    private Importer importer(BatchStore store) {
        return new Importer(store, new PrintStream(messages, true, StandardCharsets.UTF_8), 2, BATCH);
    }

    private static ImportLog logOf(Database db) {
        return new ImportLog(db.jdbi(), new PaperStore(db.jdbi()), Clock.systemUTC());
    }

    private static PrintStream quiet() {
        return new PrintStream(java.io.OutputStream.nullOutputStream());
    }
}
