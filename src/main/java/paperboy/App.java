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
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import paperboy.config.ArxivSettings;
import paperboy.config.Config;
import paperboy.harvest.ArxivApi;
import paperboy.harvest.ArxivHttp;
import paperboy.harvest.ArxivOai;
import paperboy.harvest.FeatureRule;
import paperboy.harvest.HarvestLog;
import paperboy.harvest.Harvester;
import paperboy.harvest.OaiRequest;
import paperboy.harvest.PaperFetcher;
import paperboy.harvest.Politeness;
import paperboy.jobs.DailyJob;
import paperboy.jobs.DailySchedule;
import paperboy.jobs.JobRuns;
import paperboy.db.Database;
import paperboy.feed.Feed;
import paperboy.ingest.ImportLog;
import paperboy.ingest.ImportReport;
import paperboy.ingest.Importer;
import paperboy.paper.Change;
import paperboy.paper.FeaturedStore;
import paperboy.paper.PaperStore;
import paperboy.search.Embedder;
import paperboy.search.Fusion;
import paperboy.search.IndexFeed;
import paperboy.search.EmbeddingWorker;
import paperboy.search.PaperIndex;
import paperboy.search.SearchPool;
import paperboy.search.Semantic;
import paperboy.web.Pages;
import paperboy.web.WebApp;

/**
 * Wiring: builds every part of Paperboy from a {@link Config} with plain constructors, in one
 * place, and closes them in reverse order. Commands and tests start here.
 */
public final class App implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(App.class);
    private static final String SAMPLE = "sample/days/";
    public static final String VERSION = "0.1.0";
    /** Per connection and per whole response; OAI-PMH pages of the whole archive can be slow to build. */
    private static final java.time.Duration ARXIV_TIMEOUT = java.time.Duration.ofSeconds(120);

    private final Config config;
    private final Database database;
    private final PaperStore papers;
    private final FeaturedStore featured;
    private final PaperIndex index;
    private final SearchPool searchPool;
    private final Semantic semantic; // null when embeddings are off
    private final boolean ownsEmbedder;
    private final EmbeddingWorker embeddingWorker; // null when embeddings are off
    private final Feed feed;
    private final FeatureRule featureRule;
    private ScheduledExecutorService follower;
    private ScheduledExecutorService embedding;
    private ArxivHttp arxivHttp; // made on first use: it needs the operator's contact
    private DailyJob scheduledHarvest;

    public App(Config config) {
        this(config, config.embeddings() ? new Embedder() : null, true);
    }

    /**
     * With an embedder made elsewhere (tests share one per JVM), used when the config turns
     * embeddings on and left open on close.
     */
    public App(Config config, Embedder embedder) {
        this(config, config.embeddings() ? embedder : null, false);
    }

    private App(Config config, Embedder embedder, boolean ownsEmbedder) {
        this.config = config;
        this.ownsEmbedder = ownsEmbedder;
        this.database = Database.open(config.storeUrl());
        try {
            this.papers = new PaperStore(database.jdbi());
            this.featured = new FeaturedStore(database.jdbi());
            this.semantic = embedder == null ? null : new Semantic(embedder, database.jdbi(),
                    Semantic.VectorFormat.parse(config.search().vectorFormat()), Fusion.parse(config.search().fusion()));
            this.searchPool = SearchPool.forThisMachine(config.search().timeout());
            this.index = new PaperIndex(config.indexDir(), semantic, searchPool);
            this.embeddingWorker = semantic == null ? null : new EmbeddingWorker(papers, index, semantic, Clock.systemUTC());
            this.feed = new Feed(featured, Clock.systemUTC());
            this.featureRule = FeatureRule.of(config.arxiv().featureCategories(), config.arxiv().featureQuery());
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

    /** The threads searches run on (a full pool refuses a search with a 503). */
    public SearchPool searchPool() {
        return searchPool;
    }

    public Importer importer(PrintStream progress) {
        return importer(progress, changes -> {});
    }

    /** An importer that hands each batch it stores to {@code stored} (an {@link IndexFeed}) once committed. */
    public Importer importer(PrintStream progress, Consumer<List<Change>> stored) {
        return new Importer(new ImportLog(database.jdbi(), papers, Clock.systemUTC(), stored), progress);
    }

    /** Feeds the index the batches an import stores, on a thread of its own, until closed. */
    public IndexFeed indexFeed() {
        return new IndexFeed(index, papers);
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
        return new WebApp(database, papers, featured, index, embeddingWorker, feed, pages).create();
    }

    /**
     * The one HTTP door to arXiv, shared by the OAI-PMH harvest and the API so that they share one
     * pace. Fails with a {@link paperboy.config.ConfigException} when no contact is configured.
     */
    public synchronized ArxivHttp arxivHttp() {
        if (arxivHttp == null) {
            ArxivSettings arxiv = config.arxiv();
            arxivHttp = new ArxivHttp(VERSION, arxiv.requireContact(), ARXIV_TIMEOUT, new Politeness(arxiv.delay()));
        }
        return arxivHttp;
    }

    /** Harvests OAI-PMH sets (arXiv format) into the store, featuring new papers by the configured rule. */
    public Harvester harvester() {
        var oai = new ArxivOai(config.arxiv().oaiUrl(), arxivHttp());
        return new Harvester(oai, harvestLog(), Clock.systemUTC());
    }

    /** Where harvests of the arXiv format store their pages and checkpoints. */
    public HarvestLog harvestLog() {
        return new HarvestLog(database.jdbi(), papers, OaiRequest.ARXIV, featureRule, Clock.systemUTC());
    }

    /** Adds papers by id; asks arXiv (and so needs the contact) only for papers the store lacks. */
    public PaperFetcher fetcher() {
        return new PaperFetcher(papers, () -> new ArxivApi(config.arxiv().apiUrl(), arxivHttp()));
    }

    /**
     * While serving: harvests the configured sets once a day at the configured UTC time, on the one
     * node that claims the day. Off when no sets are configured.
     */
    public void scheduleHarvest() {
        List<String> sets = config.arxiv().harvestSets();
        if (sets.isEmpty()) {
            log.info("scheduled harvest is off (PAPERBOY_HARVEST_SETS is empty)");
            return;
        }
        Harvester harvester = harvester(); // fails fast here when the contact is missing
        scheduledHarvest = new DailyJob("harvest", new DailySchedule(config.arxiv().harvestAt()),
                new JobRuns(database.jdbi(), Clock.systemUTC()), Clock.systemUTC(), () -> {
                    for (String set : sets) {
                        harvester.harvest(set, null, null);
                    }
                    index.catchUp(papers);
                });
        scheduledHarvest.start();
    }

    /** Keeps the search index following the store while serving (writes may come from other nodes). */
    public void followStore(java.time.Duration every) {
        follower = repeating("index-follower", every, this::catchUpQuietly);
    }

    /**
     * While serving: embeds papers that lack vectors on a background thread, checking for new
     * ones every {@code every}. Nothing happens when embeddings are off.
     */
    public void embedInBackground(java.time.Duration every) {
        if (embeddingWorker != null) {
            embedding = repeating("embedder", every, this::embedQuietly);
        }
    }

    /** A daemon thread that runs {@code work} now and then {@code every} after each run ends. */
    private static ScheduledExecutorService repeating(String name, java.time.Duration every, Runnable work) {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(work, 0, every.toMillis(), TimeUnit.MILLISECONDS);
        return executor;
    }

    /** The background embedder, or null when embeddings are off. */
    public EmbeddingWorker embeddingWorker() {
        return embeddingWorker;
    }

    private void embedQuietly() {
        try {
            long embedded = embeddingWorker.embedPending();
            if (embedded > 0) {
                log.info("embedded {} papers for semantic search", embedded);
            }
        } catch (RuntimeException e) {
            log.warn("embedding failed; retrying", e);
        }
    }

    /** Stops following and waits for a catch-up in progress to finish. */
    public void stopFollowing() throws InterruptedException {
        if (embedding != null) {
            embeddingWorker.stop();
            awaitStopped(embedding);
            embedding = null;
        }
        if (follower != null) {
            awaitStopped(follower);
            follower = null;
        }
    }

    private static void awaitStopped(ScheduledExecutorService executor) throws InterruptedException {
        executor.shutdown();
        executor.awaitTermination(1, TimeUnit.MINUTES);
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
        // Let a catch-up in progress finish rather than interrupt it: an interrupt closes Lucene's
        // file channels under the writer. Each page it commits is durable, so waiting is safe.
        try {
            stopFollowing();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (scheduledHarvest != null) {
            scheduledHarvest.close();
        }
        synchronized (this) {
            if (arxivHttp != null) {
                arxivHttp.close();
            }
        }
        searchPool.close();
        try {
            index.close();
        } finally {
            if (semantic != null && ownsEmbedder) {
                semantic.embedder().close();
            }
            database.close();
        }
    }
}
