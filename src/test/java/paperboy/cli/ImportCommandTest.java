package paperboy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paperboy.Fixtures;
import paperboy.Paperboy;
import paperboy.db.Database;
import paperboy.paper.PaperStore;
import paperboy.search.PaperIndex;
import picocli.CommandLine;

/** {@code paperboy import} as a user runs it: the papers end up in the store and, through the feed, in the search index. */
class ImportCommandTest {
    // 200 snapshot papers and the 236 of the 10 day files.
    private static final int PAPERS = 436;

    @Test
    void importedPapersAreStoredAndIndexedAndTheSummaryIsPrinted(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        String snapshot = Fixtures.copy("kaggle/arxiv-metadata-oai-snapshot.head200.jsonl", dir).toString();
        String days = Fixtures.copy("hf-days", dir).toString();

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = run(out, "import", "--data", data.toString(), snapshot, days);

        assertThat(exit).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("imported " + PAPERS + ", updated 0, skipped 0");
        try (Database db = Database.open("jdbc:sqlite:" + data.resolve("paperboy.db"));
                PaperIndex index = new PaperIndex(data.resolve("index"))) {
            PaperStore store = new PaperStore(db.jdbi());
            assertThat(store.count()).isEqualTo(PAPERS);
            assertThat(index.size()).isEqualTo(PAPERS);
            assertThat(index.committedPosition().changeNo()).isEqualTo(store.lastChangeNo());
        }

        // Again: the snapshot is passed over, the day files change nothing, and the index stays as it is.
        out.reset();
        assertThat(run(out, "import", "--data", data.toString(), snapshot, days)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("imported 0, updated 0");
    }

    private static int run(ByteArrayOutputStream out, String... args) {
        PrintStream previousOut = System.out;
        PrintStream previousErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        try {
            return new CommandLine(new Paperboy()).execute(args);
        } finally {
            System.setOut(previousOut);
            System.setErr(previousErr);
        }
    }
}
