package paperboy.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import paperboy.App;
import paperboy.StoreOnly;
import paperboy.config.Config;
import paperboy.ingest.ImportReport;
import paperboy.ingest.Importer;
import paperboy.ingest.Rejection;
import paperboy.search.IndexFeed;
import paperboy.search.IndexInUse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code paperboy import PATH...}: daily-papers day files (or folders of them) and arXiv snapshot
 * JSON Lines. Exit code 0 when everything went in, 2 when records or files were skipped, 1 on a
 * fatal error. While a {@code paperboy serve} runs on the same data folder it holds the search
 * index: the import then writes the store alone and the server indexes the new papers.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import daily-papers day files and the arXiv metadata snapshot (JSON Lines, as published: "
                + "arxiv-metadata-oai-snapshot.json, or .jsonl; plain or .gz). An interrupted snapshot import "
                + "resumes where it stopped. Works while `paperboy serve` runs on the same data folder.")
public final class ImportCommand implements Callable<Integer> {
    static final int MAX_LISTED = 50;
    static final String LEFT_TO_SERVE = "search index: held by a running `paperboy serve` (or another paperboy command); "
            + "it will index the new papers within seconds";

    @Mixin
    DataOptions dataOptions;

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "files or folders to import")
    List<Path> paths;

    @Option(names = "--restart", description = "read snapshot files from their first line, even those an earlier "
            + "import finished or stopped part-way (by default it resumes after the last stored batch)")
    boolean restart;

    @Override
    public Integer call() throws Exception {
        Config config = dataOptions.config().withoutSample();
        App app;
        try {
            app = new App(config);
        } catch (IndexInUse e) {
            return intoStoreOnly(config);
        }
        try (app) {
            ImportReport report;
            // Each stored batch goes straight to the index, which works on a thread of its own
            // while the import parses and stores the next ones.
            IndexFeed feed = app.indexFeed();
            try {
                report = app.importer(System.err, feed).importPaths(paths, start());
                System.err.println("search index: indexing the last batches ...");
            } finally {
                finish(feed);
            }
            // Commits the index and takes whatever the feed did not (an index that failed part-way).
            app.index().catchUp(app.papers());
            System.err.println("search index: " + app.index().size() + " papers");
            return done(report);
        }
    }

    /** Another process holds the index (it follows the store, so it indexes what this import stores). */
    private Integer intoStoreOnly(Config config) throws Exception {
        try (StoreOnly store = new StoreOnly(config)) {
            System.err.println(LEFT_TO_SERVE);
            return done(store.importer(System.err).importPaths(paths, start()));
        }
    }

    private Importer.Start start() {
        return restart ? Importer.Start.FROM_THE_BEGINNING : Importer.Start.FROM_CHECKPOINT;
    }

    private static int done(ImportReport report) {
        printProblems(report);
        System.out.println(report.summary());
        return report.skipped() > 0 || !report.failedFiles().isEmpty() ? 2 : 0;
    }

    /** Waits for the index to take the last batches; a failure there is told, and the catch-up after it tries again. */
    private static void finish(IndexFeed feed) throws InterruptedException {
        try {
            feed.close();
        } catch (RuntimeException e) {
            System.err.println("search index: stopped following the import (" + e.getMessage()
                    + "); the papers are stored, catching up from the store ...");
        }
    }

    private static void printProblems(ImportReport report) {
        List<Rejection> rejections = report.rejections();
        rejections.stream().limit(MAX_LISTED).forEach(r -> System.err.println("skipped " + r));
        if (report.skipped() > MAX_LISTED) {
            System.err.println("... and " + (report.skipped() - MAX_LISTED) + " more skipped records");
        }
        report.failedFiles().forEach(f -> System.err.println("failed " + f));
    }
}
