package paperboy;

import io.javalin.Javalin;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import paperboy.account.AccountEmail;
import paperboy.account.AccountLimits;
import paperboy.account.AccountMail;
import paperboy.account.EmailVerification;
import paperboy.account.PasswordReset;
import paperboy.account.Accounts;
import paperboy.account.CsrfTokens;
import paperboy.account.SessionSettings;
import paperboy.community.Bans;
import paperboy.community.CommunityView;
import paperboy.community.Participation;
import paperboy.community.SubmitRules;
import paperboy.community.Submissions;
import paperboy.community.Submitting;
import paperboy.community.Upvotes;
import paperboy.community.discussion.CommentMarkdown;
import paperboy.community.discussion.Comments;
import paperboy.community.discussion.Reports;
import paperboy.community.moderation.Moderation;
import paperboy.community.moderation.ModerationLog;
import paperboy.config.ArxivSettings;
import paperboy.config.CommunitySettings;
import paperboy.http.Throttle;
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
import paperboy.digest.DigestPreview;
import paperboy.digest.Digests;
import paperboy.digest.SendPolicy;
import paperboy.jobs.DailyJob;
import paperboy.jobs.DailySchedule;
import paperboy.jobs.JobRuns;
import paperboy.mail.MailTransport;
import paperboy.metrics.Metrics;
import paperboy.db.Database;
import paperboy.feed.Feed;
import paperboy.ingest.ImportLog;
import paperboy.ingest.ImportReport;
import paperboy.ingest.Importer;
import paperboy.paper.Change;
import paperboy.paper.FeaturedStore;
import paperboy.paper.PaperStore;
import paperboy.search.Embedder;
import paperboy.search.EmbeddingModel;
import paperboy.search.Fusion;
import paperboy.search.IndexFeed;
import paperboy.search.EmbeddingWorker;
import paperboy.search.PaperIndex;
import paperboy.search.QuietMerges;
import paperboy.search.SearchPool;
import paperboy.search.Semantic;
import paperboy.search.SimilarityFloor;
import paperboy.subscription.ConfirmationMails;
import paperboy.subscription.MemberSubscriptions;
import paperboy.subscription.SiteLinks;
import paperboy.subscription.SubscriberStore;
import paperboy.subscription.Subscriptions;
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
    /**
     * How long closing gives the background work, together, to end once asked to stop: an
     * embedding batch takes a few seconds, a catch-up between two commits more on a large import.
     * With the index's and the store's own closing it fits in the 30 s that serve's shutdown hook
     * waits (docs/ARCHITECTURE.md, Shutdown).
     */
    static final Duration STOP_WAIT = Duration.ofSeconds(20);
    /** Per connection and per whole response; OAI-PMH pages of the whole archive can be slow to build. */
    private static final java.time.Duration ARXIV_TIMEOUT = java.time.Duration.ofSeconds(120);

    private final Config config;
    private final Metrics metrics;
    private final Database database;
    private final PaperStore papers;
    private final FeaturedStore featured;
    private final PaperIndex index;
    private final SearchPool searchPool;
    private final Semantic semantic;
    private final boolean ownsEmbedder;
    private final EmbeddingWorker embeddingWorker;
    private final Feed feed;
    private final FeatureRule featureRule;
    private final Accounts accounts;
    private final Participation participation;
    private ScheduledExecutorService follower;
    private ScheduledExecutorService merger;
    private ScheduledExecutorService sessionSweeper;
    private ScheduledExecutorService embedding;
    private ArxivHttp arxivHttp; // made on first use: it needs the operator's contact
    private DailyJob scheduledHarvest;
    private final MailTransport mail;
    private final ConfirmationMails confirmations;
    private final Subscriptions subscriptions;
    private final AccountMail accountMail;
    private final AccountEmail accountEmail;
    private Digests digests; // made on first use: it needs PAPERBOY_BASE_URL
    private DailyJob scheduledDigest;
    private ScheduledExecutorService outboxRetries;
    private volatile boolean digestStopping;

    public App(Config config) {
        this(config, () -> new Embedder(EmbeddingModel.parse(config.search().embeddingModel())), true);
    }

    /**
     * With an embedder made elsewhere (tests share one per JVM), used when the config turns
     * embeddings on and left open on close; its model is the only one (no other model answers
     * while its vectors are made).
     */
    public App(Config config, Embedder embedder) {
        this(config, () -> embedder, false);
    }

    /** @param embedder gives the model when the config turns embeddings on */
    private App(Config config, Supplier<Embedder> embedder, boolean ownsEmbedder) {
        this.config = config;
        this.ownsEmbedder = ownsEmbedder;
        // What has been opened so far, newest first: closed if a later step fails (an index left
        // open would keep its write lock until the JVM exits).
        Deque<AutoCloseable> opened = new ArrayDeque<>();
        // The model loads (most of a second, mostly native code) on a thread of its own while the
        // store opens and migrates, which also takes a good part of the start-up.
        CompletableFuture<Embedder> model = config.embeddings()
                ? CompletableFuture.supplyAsync(embedder, App::startUpThread)
                : CompletableFuture.completedFuture(null);
        try {
            this.metrics = opening(opened, Metrics.from(config.metrics()));
            this.database = opening(opened, Database.open(config.storeUrl()));
            this.papers = new PaperStore(database.jdbi());
            this.featured = new FeaturedStore(database.jdbi());
            this.semantic = config.embeddings()
                    ? semantic(config, ownsEmbedder ? opening(opened, loaded(model)) : loaded(model), opened)
                    : Semantic.off();
            this.searchPool = opening(opened, SearchPool.forThisMachine(config.search().timeout()));
            this.index = opening(opened, new PaperIndex(config.indexDir(), semantic, searchPool, metrics.searches()));
            this.embeddingWorker = new EmbeddingWorker(papers, index, semantic, Clock.systemUTC());
            metrics.watch(papers, index, embeddingWorker);
            this.feed = new Feed(featured, Clock.systemUTC());
            this.featureRule = FeatureRule.of(config.arxiv().featureCategories(), config.arxiv().featureQuery());
            this.accounts = accounts(config, database, papers);
            this.mail = MailTransport.of(config);
            this.confirmations = config.baseUrl() == null ? ConfirmationMails.off()
                    : opening(opened, new ConfirmationMails(mail, new SiteLinks(config.baseUrl()), Clock.systemUTC()));
            this.subscriptions = new Subscriptions(new SubscriberStore(database.jdbi()), confirmations, Clock.systemUTC());
            this.accountMail = config.baseUrl() == null ? AccountMail.off()
                    : opening(opened, new AccountMail(mail, new SiteLinks(config.baseUrl()), Clock.systemUTC()));
            this.accountEmail = accountEmail(database, accounts, accountMail, subscriptions);
            this.participation = participation(database, papers, accounts, fetcher(), config.community());
        } catch (RuntimeException | Error e) {
            if (ownsEmbedder && config.embeddings() && !model.isCompletedExceptionally()
                    && !opened.contains(model.getNow(null))) {
                opened.push(() -> model.join().close()); // not taken yet, perhaps still loading: closed once loaded
            }
            closeAll(opened, e);
            throw e;
        }
    }

    /**
     * What members do, over this store: submissions (fetched through {@code fetcher} when the store
     * lacks the paper), upvotes, the discussion and its moderation; members' names and bans come
     * from accounts.
     */
    public static Participation participation(Database database, PaperStore papers, Accounts accounts,
            PaperFetcher fetcher, CommunitySettings settings) {
        Clock clock = Clock.systemUTC();
        var jdbi = database.jdbi();
        Bans bans = new AccountBans(accounts);
        Upvotes upvotes = new Upvotes(jdbi, papers, bans, clock);
        Submissions submissions = new Submissions(jdbi);
        Submitting submitting = new Submitting(jdbi, papers, fetcher, submissions, upvotes, bans,
                new SubmitRules(settings.submitMaxAgeDays(), settings.submitDailyLimit()), clock);
        Comments comments = new Comments(jdbi, papers, bans, new CommentMarkdown(), clock);
        Moderation moderation = new Moderation(jdbi, comments, bans, submissions, papers, new ModerationLog(jdbi), clock);
        Throttle writes = new Throttle("writes by this member", settings.writesPerMinute(), Duration.ofMinutes(1));
        return new Participation(submitting, upvotes, comments, new Reports(jdbi, comments, clock), moderation,
                new CommunityView(submissions, upvotes, new AccountNames(accounts.members())), writes);
    }

    /** What members do (the web server's, and tests'). */
    public Participation participation() {
        return participation;
    }

    /** Verification, password reset and members' digests over this store, mailing through {@code mail}. */
    public static AccountEmail accountEmail(Database database, Accounts accounts, AccountMail mail, Subscriptions subscriptions) {
        Clock clock = Clock.systemUTC();
        MemberSubscriptions digest = new MemberSubscriptions(subscriptions.store(), clock);
        EmailVerification verification = new EmailVerification(database.jdbi(), accounts.members(), mail, digest, clock);
        return new AccountEmail(verification, new PasswordReset(database.jdbi(), accounts, mail, verification, clock), digest);
    }

    /** Verifying addresses, resetting passwords by mail, members' digests (tests). */
    public AccountEmail accountEmail() {
        return accountEmail;
    }

    /**
     * The accounts of this store, their sessions marked Secure when the site is https; a member's
     * new name marks the papers that show it changed in {@code papers} ({@link NamesOnPapers}).
     */
    static Accounts accounts(Config config, Database database, PaperStore papers) {
        return Accounts.inStore(database.jdbi(), new SessionSettings(config.accounts().sessionIdle(),
                config.accounts().sessionLifetime(), config.httpsOnly()), new NamesOnPapers(papers));
    }

    private static void startUpThread(Runnable work) {
        Thread.ofPlatform().name("model-load").daemon(true).start(work);
    }

    /** The model loaded at start, its own failure thrown as it was. */
    private static Embedder loaded(CompletableFuture<Embedder> model) {
        try {
            return model.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /**
     * The configured model and, when this app owns its embedders, the other models the jar carries:
     * after a change of model the previous one answers until the new one's vectors are complete
     * (each loads only if used).
     */
    private Semantic semantic(Config config, Embedder embedder, Deque<AutoCloseable> opened) {
        List<Embedder> others = !ownsEmbedder ? List.of() : Arrays.stream(EmbeddingModel.values())
                .filter(m -> m != embedder.kind()).map(m -> opening(opened, new Embedder(m))).toList();
        return new Semantic(embedder, database.jdbi(), Semantic.VectorFormat.parse(config.search().vectorFormat()),
                Fusion.parse(config.search().fusion()))
                .withFloor(new SimilarityFloor(config.search().similarityFloor()))
                .withOthers(others);
    }

    private static <T extends AutoCloseable> T opening(Deque<AutoCloseable> opened, T resource) {
        opened.push(resource);
        return resource;
    }

    /** Closes what a failed constructor opened, newest first; their own failures are added to {@code failure}. */
    private static void closeAll(Deque<AutoCloseable> opened, Throwable failure) {
        for (AutoCloseable resource : opened) {
            try {
                resource.close();
            } catch (Exception e) {
                failure.addSuppressed(e);
            }
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

    /** What this process measures; {@code serve} shows it at {@code /metrics}. */
    public Metrics metrics() {
        return metrics;
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
        try {
            for (String name : sampleFiles()) {
                try (InputStream in = resource(SAMPLE + name)) {
                    ImportReport report = importer.importStream(in, name);
                    total = total == null ? report : total.plus(report);
                }
            }
        } catch (IOException | RuntimeException e) {
            metrics.jobs().importFailed();
            throw e;
        }
        metrics.jobs().imported(total);
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

    /** Members, sessions and API tokens in this store (the {@code user} command, tests). */
    public Accounts accounts() {
        return accounts;
    }

    /** Subscribing, confirming and the manage page's changes; closed to the public when no base URL is set. */
    public Subscriptions subscriptions() {
        return subscriptions;
    }

    /** Where mail goes: the SMTP server, or .eml files in the data folder. */
    public MailTransport mail() {
        return mail;
    }

    /** The email digest; fails with a {@link paperboy.config.ConfigException} when PAPERBOY_BASE_URL is unset. */
    public synchronized Digests digests() {
        if (digests == null) {
            digests = new Digests(database, papers, featured, index, subscriptions, mail,
                    new SiteLinks(config.requireMailBaseUrl()), config.digest(), Clock.systemUTC());
        }
        return digests;
    }

    /**
     * While serving: makes and sends the editions due each day at PAPERBOY_DIGEST_AT, on the one
     * node that claims the day, and every 15 minutes sends what the outbox still holds (retries, a
     * run a node did not finish). Off without PAPERBOY_BASE_URL.
     */
    public void scheduleDigest() {
        if (config.baseUrl() == null) {
            log.info("email digest is off (PAPERBOY_BASE_URL is unset; mail links need it)");
            return;
        }
        Digests digest = digests();
        scheduledDigest = new DailyJob("digest", new DailySchedule(config.digest().at()),
                new JobRuns(database.jdbi(), Clock.systemUTC()), Clock.systemUTC(), digest::scheduled);
        scheduledDigest.start();
        outboxRetries = repeating("digest-outbox", Duration.ofMinutes(15), () -> {
            try {
                var report = digest.send(SendPolicy.DEFAULTS, () -> digestStopping);
                if (report.sent() + report.failed() + report.inDoubt() > 0) {
                    log.info("digest outbox: {}", report.summary());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                log.warn("digest outbox: the run failed; the next one picks up from here", e);
            }
        });
        log.info("email digest: daily on weekdays and weekly on Mondays at {} UTC, through {}", config.digest().at(),
                mail.describe());
    }

    /** The digest preview page: for admins, and where mail goes to .eml files for this machine too; off without a base URL. */
    private DigestPreview preview() {
        return config.baseUrl() != null ? digests() : DigestPreview.OFF;
    }

    /** The web server, wired and not yet started. */
    public Javalin web() {
        return web(AccountLimits.defaults());
    }

    /** The web server with these log-in and sign-up limits (tests that sign up many members). */
    public Javalin web(AccountLimits limits) {
        String templates = System.getenv("PAPERBOY_TEMPLATES");
        Pages pages = templates == null || templates.isBlank()
                ? Pages.precompiled()
                : Pages.hotReloading(Path.of(templates));
        return new WebApp(database, papers, featured, index, embeddingWorker, feed, pages,
                paperboy.http.SiteUrl.of(config.baseUrl()), metrics,
                new WebApp.Community(accounts, accountEmail, CsrfTokens.fromStore(database.jdbi()), limits),
                subscriptions, preview(), participation).create();
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
                new JobRuns(database.jdbi(), Clock.systemUTC()), Clock.systemUTC(),
                stopRequested -> harvestSets(harvester, sets, stopRequested));
        scheduledHarvest.start();
    }

    /**
     * The scheduled harvest's work: each set in turn, then a catch-up of the index. Each set's
     * outcome is counted ({@code paperboy.harvest.runs}); the first failure stops the run.
     */
    public void harvestSets(Harvester harvester, List<String> sets, BooleanSupplier stopRequested) throws IOException {
        for (String set : sets) {
            if (stopRequested.getAsBoolean()) {
                return; // closing: the next run resumes from the stored checkpoints
            }
            try {
                metrics.jobs().harvested(harvester.harvest(set, null, null));
            } catch (IOException | RuntimeException e) {
                metrics.jobs().harvestFailed();
                throw e;
            }
        }
        if (!stopRequested.getAsBoolean()) {
            index.catchUp(papers);
        }
    }

    /** Keeps the search index following the store while serving (writes may come from other nodes). */
    public void followStore(java.time.Duration every) {
        follower = repeating("index-follower", every, this::catchUpQuietly);
    }

    /**
     * While serving: merges the search index into one segment after a bulk write, once writing has
     * gone quiet ({@link QuietMerges}), looking every {@code every}.
     */
    public void mergeIndexWhenQuiet(Duration every) {
        merger = repeating("index-merger", every, new QuietMerges(index));
    }

    /**
     * While serving: deletes expired sessions (idle or past their lifetime) every {@code every};
     * they are refused when presented anyway, this only keeps the table from growing.
     */
    public void sweepSessions(java.time.Duration every) {
        sessionSweeper = repeating("session-sweeper", every, () -> {
            try {
                int swept = accounts.sessions().sweep();
                if (swept > 0) {
                    log.info("deleted {} expired sessions", swept);
                }
            } catch (RuntimeException e) {
                log.warn("deleting expired sessions failed; trying again later", e);
            }
        });
    }

    /**
     * While serving: embeds papers that lack vectors on a background thread, checking for new
     * ones every {@code every}. Nothing happens when embeddings are off.
     */
    public void embedInBackground(java.time.Duration every) {
        if (embeddingWorker.isOn()) {
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

    /** The background embedder; its {@code isOn()} is false when embeddings are off. */
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
            if (embeddingWorker.stopped()) {
                // ONNX Runtime frees its environment in a shutdown hook of its own, under a batch in progress.
                log.info("embedding stopped for the shutdown ({}); the next start goes on from here", e.getMessage());
            } else {
                log.warn("embedding failed; retrying", e);
            }
        }
    }

    /**
     * Asks the background work (embedder, index follower, scheduled harvest) to stop, all at once,
     * and waits for it to end, together within {@link #STOP_WAIT}; never interrupts it. Work still
     * running after that is left to end with the JVM (see docs/ARCHITECTURE.md, Shutdown).
     */
    public void stopFollowing() throws InterruptedException {
        Instant deadline = Instant.now().plus(STOP_WAIT);
        if (embedding != null) {
            embeddingWorker.stop(); // after its current batch
            embedding.shutdown();
        }
        if (follower != null) {
            follower.shutdown(); // after the catch-up in progress
        }
        if (merger != null) {
            merger.shutdown(); // not waited for: closing the index abandons a merge under way
            merger = null;
        }
        if (scheduledHarvest != null) {
            scheduledHarvest.close(untilDeadline(deadline));
            scheduledHarvest = null;
        }
        digestStopping = true;
        if (outboxRetries != null) {
            outboxRetries.shutdown(); // after the mail being sent
        }
        if (scheduledDigest != null) {
            scheduledDigest.close(untilDeadline(deadline));
            scheduledDigest = null;
        }
        if (outboxRetries != null) {
            awaitStopped("the digest outbox", outboxRetries, deadline);
            outboxRetries = null;
        }
        if (embedding != null) {
            awaitStopped("the embedder", embedding, deadline);
            embedding = null;
        }
        if (follower != null) {
            awaitStopped("the index follower", follower, deadline);
            follower = null;
        }
        if (sessionSweeper != null) {
            sessionSweeper.shutdown();
            awaitStopped("the session sweeper", sessionSweeper, deadline);
            sessionSweeper = null;
        }
    }

    private static Duration untilDeadline(Instant deadline) {
        Duration left = Duration.between(Instant.now(), deadline);
        return left.isNegative() ? Duration.ZERO : left;
    }

    private static void awaitStopped(String what, ScheduledExecutorService executor, Instant deadline)
            throws InterruptedException {
        if (!executor.awaitTermination(untilDeadline(deadline).toMillis(), TimeUnit.MILLISECONDS)) {
            log.warn("{} did not stop within {}; it ends with the process", what, STOP_WAIT);
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
        // Let a catch-up in progress finish rather than interrupt it: an interrupt closes Lucene's
        // file channels under the writer. Each page it commits is durable, so waiting is safe.
        try {
            stopFollowing();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            if (arxivHttp != null) {
                arxivHttp.close();
            }
        }
        try {
            confirmations.close(); // waits a moment for confirmation mails still queued
            accountMail.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        searchPool.close();
        try {
            index.close();
        } finally {
            if (semantic.isOn() && ownsEmbedder) {
                semantic.others().forEach(Embedder::close);
                semantic.embedder().close();
            }
            database.close();
            metrics.close();
        }
    }
}
