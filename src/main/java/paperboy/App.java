package paperboy;

import io.javalin.Javalin;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import paperboy.config.Config;
import paperboy.db.Database;
import paperboy.feed.Feed;
import paperboy.ingest.ImportReport;
import paperboy.ingest.Importer;
import paperboy.paper.FeaturedStore;
import paperboy.paper.PaperStore;
import paperboy.search.PaperIndex;
import paperboy.web.Pages;
import paperboy.web.WebApp;

/**
 * Wiring: builds every part of Paperboy from a {@link Config} with plain constructors, in one
 * place, and closes them in reverse order. Commands and tests start here.
 */
public final class App implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(App.class);
    private static final String SAMPLE = "sample/days/";

    private final Config config;
    private final Database database;
    private final PaperStore papers;
    private final FeaturedStore featured;
    private final PaperIndex index;
    private final Feed feed;
    private ScheduledExecutorService follower;

    public App(Config config) {
        this.config = config;
        this.database = Database.open(config.storeUrl());
        try {
            this.papers = new PaperStore(database.jdbi());
            this.featured = new FeaturedStore(database.jdbi());
            this.index = new PaperIndex(config.indexDir());
            this.feed = new Feed(featured, Clock.systemUTC());
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    public PaperStore papers() {
        return papers;
    }

    public PaperIndex index() {
        return index;
    }

    public Importer importer(PrintStream progress) {
        return new Importer(papers, progress);
    }

    /** Loads the sample into an empty store (when allowed), then catches the index up before returning. */
    public void prepare() throws IOException {
        loadSampleIfEmpty();
        long indexed = index.catchUp(papers);
        if (indexed > 0) {
            log.info("search index caught up with the store: {} papers indexed", indexed);
        }
    }

    /** Loads the bundled sample when the store is empty and the config allows it. */
    public void loadSampleIfEmpty() throws IOException {
        if (config.loadSample() && papers.count() == 0) {
            ImportReport report = loadSample();
            log.info("loaded the bundled sample: {}", report.summary());
        }
    }

    private ImportReport loadSample() throws IOException {
        Importer importer = importer(System.err);
        ImportReport total = null;
        for (String name : sampleFiles()) {
            try (InputStream in = resource(SAMPLE + name)) {
                ImportReport report = importer.importStream(in, name);
                total = total == null ? report : total.plus(report);
            }
        }
        return total;
    }

    private static List<String> sampleFiles() throws IOException {
        try (InputStream in = resource(SAMPLE + "INDEX")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        }
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = App.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IOException("the bundled resource " + name + " is missing from the build");
        }
        return in;
    }

    /** The web server, wired and not yet started. */
    public Javalin web() {
        String templates = System.getenv("PAPERBOY_TEMPLATES");
        Pages pages = templates == null || templates.isBlank()
                ? Pages.precompiled()
                : Pages.hotReloading(Path.of(templates));
        return new WebApp(database, papers, featured, index, feed, pages).create();
    }

    /** Keeps the search index following the store while serving (writes may come from other nodes). */
    public void followStore(java.time.Duration every) {
        follower = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "index-follower");
            t.setDaemon(true);
            return t;
        });
        follower.scheduleWithFixedDelay(this::catchUpQuietly, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops following and waits for a catch-up in progress to finish. */
    public void stopFollowing() throws InterruptedException {
        if (follower != null) {
            follower.shutdown();
            follower.awaitTermination(1, TimeUnit.MINUTES);
            follower = null;
        }
    }

    private void catchUpQuietly() {
        try {
            long indexed = index.catchUp(papers);
            if (indexed > 0) {
                log.info("search index caught up with the store: {} papers indexed", indexed);
            }
        } catch (RuntimeException e) {
            log.warn("the search index could not catch up with the store; retrying", e);
        }
    }

    @Override
    public void close() throws IOException {
        if (follower != null) {
            follower.shutdownNow();
        }
        try {
            index.close();
        } finally {
            database.close();
        }
    }
}
