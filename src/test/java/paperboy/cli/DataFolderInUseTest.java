package paperboy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import paperboy.App;
import paperboy.Fixtures;
import paperboy.config.Config;
import paperboy.db.Database;

/**
 * Commands on a data folder whose search index a running {@code paperboy serve} holds (Lucene's
 * write lock; held here by an {@link App} in this JVM, as serve holds it): an import goes into the
 * store and leaves the indexing to the server, every other command says in one line what to do.
 */
class DataFolderInUseTest {
    // The 236 papers of the 10 day files.
    private static final int PAPERS = 236;

    @Test
    void anImportWhileServingStoresThePapersAndLeavesTheIndexingToTheServer(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        String days = Fixtures.copy("hf-days", dir).toString();
        try (App serving = new App(new Config(0, data, null, false))) {
            Run run = Run.of("import", "--data", data.toString(), days);

            assertThat(run.exitCode()).isZero();
            assertThat(run.err()).contains("search index: held by a running `paperboy serve`")
                    .contains("it will index the new papers within seconds")
                    .doesNotContain("Exception");
            assertThat(run.out()).contains("imported " + PAPERS + ", updated 0, skipped 0");
            assertThat(serving.papers().count()).isEqualTo(PAPERS);
            // What serve's follower does every 2 seconds.
            assertThat(serving.index().catchUp(serving.papers())).isEqualTo(PAPERS);
            assertThat(serving.index().size()).isEqualTo(PAPERS);
        }
    }

    @Test
    void anImportWaitsForTheServersWritesInsteadOfFailingWithSqliteBusy(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        String days = Fixtures.copy("hf-days", dir).toString();
        try (App serving = new App(new Config(0, data, null, false));
                Database servers = Database.open("jdbc:sqlite:" + data.resolve("paperboy.db"))) {
            // The server storing vectors: a write transaction that holds SQLite's one write lock for a while.
            CountDownLatch holding = new CountDownLatch(1);
            Thread writer = Thread.ofPlatform().start(() -> holdTheWriteLock(servers, holding));
            holding.await();

            Run run = Run.of("import", "--data", data.toString(), days);
            writer.join();

            assertThat(run.err()).doesNotContain("SQLITE_BUSY");
            assertThat(run.exitCode()).isZero();
            assertThat(serving.papers().count()).isEqualTo(PAPERS);
        }
    }

    private static void holdTheWriteLock(Database store, CountDownLatch holding) {
        try {
            store.jdbi().useTransaction(h -> {
                h.createQuery("SELECT count(*) FROM papers").mapTo(Long.class).one(); // begins: BEGIN IMMEDIATE
                holding.countDown();
                Thread.sleep(3000);
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"reindex", "serve --port 0", "harvest --set cs", "fetch 2106.09685", "eval --mode keyword --beir"})
    void everyOtherCommandSaysInOneLineThatTheFolderIsInUse(String command, @TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        try (App serving = new App(new Config(0, data, null, false))) {
            Run run = Run.of(args(command, data));

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err().lines().toList()).containsExactly("paperboy: the data folder " + data
                    + " is in use: another paperboy process holds its search index; stop `paperboy serve` "
                    + "(or the command still running) first");
        }
    }

    @Test
    void serveOnAPortInUseSaysSoInOneLine(@TempDir Path dir) throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            Run run = Run.of("serve", "--data", dir.resolve("data").toString(), "--port", Integer.toString(taken.getLocalPort()));

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err()).doesNotContain("\tat ");
            assertThat(run.err().lines().toList().getLast()).isEqualTo("paperboy: port " + taken.getLocalPort()
                    + " is in use (another `paperboy serve`?); choose another with --port or PAPERBOY_PORT");
        }
    }

    /** The command with the data folder: {@code --data} for most, {@code --work} (and the dataset) for eval. */
    private static String[] args(String command, Path data) throws URISyntaxException {
        List<String> words = new java.util.ArrayList<>(List.of(command.split(" ")));
        if (words.getFirst().equals("eval")) {
            words.add(Path.of(DataFolderInUseTest.class.getResource("/eval/tiny").toURI()).toString());
            words.addAll(List.of("--work", data.toString()));
        } else {
            words.addAll(List.of("--data", data.toString()));
        }
        return words.toArray(String[]::new);
    }
}
