package paperboy.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import paperboy.Fixtures;
import paperboy.db.Database;
import paperboy.paper.PaperStore;
import paperboy.paper.PaperUpdate;
import paperboy.paper.UpsertResult;

/** The import's threads: a failure in one stage ends the import promptly, and no stage is left running. */
@Timeout(60) // a guard against a stage waiting forever, not a speed check
class ImportPipelineTest {
    private static final String SNAPSHOT = "kaggle/arxiv-metadata-oai-snapshot.head200.jsonl";

    @TempDir
    Path dir;
    private Database db;
    private ImportLog log;

    @BeforeEach
    void openStore() {
        db = Database.open("jdbc:sqlite:" + dir.resolve("p.db"));
        log = new ImportLog(db.jdbi(), new PaperStore(db.jdbi()), Clock.systemUTC());
    }

    @AfterEach
    void closeStore() {
        db.close();
    }

    @Test
    void aStoreFailureEndsTheImportWhileTheReaderWaitsOnAFullQueue() throws InterruptedException {
        Path snapshot = Fixtures.copy(SNAPSHOT, dir);
        // Batches of one line: 200 batches, far more than the queue holds, so the reader is blocked
        // on it when the store fails.
        var importer = new Importer(new StoppingStore(log, 3), quiet(), 2, 1);

        assertThatThrownBy(() -> importer.importPaths(List.of(snapshot)))
                .isInstanceOf(StoppingStore.Stopped.class).hasMessage("stopped after 3 batches");
        assertThat(importThreads()).isEmpty();
        assertThat(new PaperStore(db.jdbi()).count()).isEqualTo(3);
    }

    @Test
    void aFailureWhileReadingTheCheckpointIsThrownFromTheImport() throws InterruptedException {
        Path snapshot = Fixtures.copy(SNAPSHOT, dir);
        var brokenCheckpoints = new BatchStore() {
            @Override
            public UpsertResult store(List<PaperUpdate> batch, ImportCheckpoint after) {
                return log.store(batch, after);
            }

            @Override
            public Optional<ImportCheckpoint> checkpoint(String path) {
                throw new IllegalStateException("the store is gone");
            }
        };

        assertThatThrownBy(() -> new Importer(brokenCheckpoints, quiet(), 2, 10).importPaths(List.of(snapshot)))
                .isInstanceOf(IllegalStateException.class).hasMessage("the store is gone");
        assertThat(importThreads()).isEmpty();
    }

    @Test
    void aFileThatCannotBeReadIsReportedAndTheNextFileStillImports() throws IOException, InterruptedException {
        Path truncated = dir.resolve("truncated.jsonl.gz");
        byte[] gz = java.nio.file.Files.readAllBytes(Fixtures.copy("kaggle/head200.jsonl.gz", dir));
        java.nio.file.Files.write(truncated, java.util.Arrays.copyOf(gz, gz.length / 2));
        Path snapshot = Fixtures.copy(SNAPSHOT, dir);

        ImportReport report = new Importer(log, quiet()).importPaths(List.of(truncated, snapshot));

        assertThat(report.failedFiles()).singleElement().asString().startsWith(truncated + ": ");
        assertThat(new PaperStore(db.jdbi()).count()).isEqualTo(200);
        assertThat(importThreads()).isEmpty();
    }

    /**
     * Import threads that do not end. The import waits for its parser pool to terminate, but a
     * pool counts as terminated while its last thread is still returning, so a thread may be alive
     * for a moment after the import returned: each gets a while to end before it counts (one that
     * is stuck waiting never ends).
     */
    private static List<String> importThreads() throws InterruptedException {
        List<Thread> threads = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("import-"))
                .toList();
        for (Thread thread : threads) {
            thread.join(Duration.ofSeconds(10));
        }
        return threads.stream().filter(Thread::isAlive).map(Thread::getName).toList();
    }

    private static PrintStream quiet() {
        return new PrintStream(OutputStream.nullOutputStream());
    }
}
