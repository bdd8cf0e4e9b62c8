package paperboy.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import paperboy.account.AccountEmail;
import paperboy.account.AccountLimits;
import paperboy.account.DigestSettingsRoutes;
import paperboy.account.PasswordResetRoutes;
import paperboy.account.VerificationRoutes;
import paperboy.account.AccountRoutes;
import paperboy.account.Accounts;
import paperboy.account.CsrfTokens;
import paperboy.account.SettingsRoutes;
import paperboy.account.VisitorCheck;
import paperboy.account.Visitors;
import paperboy.api.ApiRoutes;
import paperboy.api.CommunityApiRoutes;
import paperboy.community.Participation;
import paperboy.apidoc.ApiDocument;
import paperboy.db.Database;
import paperboy.digest.DigestPreview;
import paperboy.feed.Feed;
import paperboy.http.PageCache;
import paperboy.http.SiteUrl;
import paperboy.metrics.Metrics;
import paperboy.metrics.MetricsRoutes;
import paperboy.paper.FeaturedStore;
import paperboy.paper.PaperStore;
import paperboy.search.EmbeddingWorker;
import paperboy.search.PaperIndex;
import paperboy.subscription.Subscriptions;
import paperboy.syndication.SyndicationRoutes;

/**
 * The HTTP side of Paperboy: pages, JSON API, health, static files and error mapping, on one
 * Javalin server. Takes its parts in the constructor and hands out an unstarted {@link Javalin},
 * so tests start the real thing on a random port.
 */
public final class WebApp {
    private static final Logger log = LoggerFactory.getLogger(WebApp.class);

    private final Database database;
    private final PaperStore papers;
    private final FeaturedStore featured;
    private final PaperIndex index;
    private final EmbeddingWorker embedding;
    private final Feed feed;
    private final Pages pages;
    private final SiteUrl site;
    private final Metrics metrics;
    private final Community community;
    private final Subscriptions subscriptions;
    private final DigestPreview preview;
    private final Participation members;
    private final ObjectMapper json = new ObjectMapper();

    /**
     * What the community side of the site needs: accounts, what they do by mail, the CSRF key, and
     * how often log-ins, sign-ups and account mails may be asked for.
     */
    public record Community(Accounts accounts, AccountEmail email, CsrfTokens csrf, AccountLimits limits) {}

    /**
     * @param embedding the background embedder (whose {@code isOn()} is false when embeddings are off)
     * @param site      where absolute links point (the configured base URL, or each request's Host)
     * @param metrics   what requests are recorded into and {@code /metrics} shows ({@link Metrics#off()}: neither)
     * @param community accounts and their limits
     * @param subscriptions the email digest's subscriptions (closed when the site sends no mail)
     * @param preview   {@code /digest/preview} ({@link DigestPreview#OFF} without a base URL)
     * @param members   what members do: submit, upvote, discuss, moderate
     */
    public WebApp(Database database, PaperStore papers, FeaturedStore featured, PaperIndex index,
            EmbeddingWorker embedding, Feed feed, Pages pages, SiteUrl site, Metrics metrics, Community community,
            Subscriptions subscriptions, DigestPreview preview, Participation members) {
        this.members = members;
        this.subscriptions = subscriptions;
        this.preview = preview;
        this.community = community;
        this.site = site;
        this.metrics = metrics;
        this.embedding = embedding;
        this.database = database;
        this.papers = papers;
        this.featured = featured;
        this.index = index;
        this.feed = feed;
        this.pages = pages;
    }

    public Javalin create() {
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.concurrency.useVirtualThreads = true;
            config.http.prefer405over404 = true;
            new JettyErrors(pages).addTo(config);
            config.staticFiles.add(files -> {
                files.hostedPath = "/static";
                files.directory = "/static";
                files.location = Location.CLASSPATH;
                files.headers = java.util.Map.of("Cache-Control", "public, max-age=3600");
            });
            config.requestLogger.http((ctx, ms) -> log.debug("{} {} {} {}ms", ctx.method(), ctx.path(),
                    ctx.status().getCode(), Math.round(ms)));
            config.routes.before(ctx -> SecurityHeaders.apply(ctx));
            VisitorCheck visitors = new VisitorCheck(community.accounts().sessions(), community.accounts().tokens(), community.csrf(),
                    SubscriptionRoutes.SIGNED_LINKS);
            config.routes.before(visitors::handle);
            config.routes.beforeMatched(visitors::checkCsrf);
            // Pages change with the store, and related papers also as the embedder adds vectors. A
            // member's pages carry their name and CSRF token: they are never cached, nor served from it.
            PageCache cache = new PageCache(
                    () -> new PageCache.Version(papers.knownChangeNo(), index.vectorPosition().changeNo()), 2000,
                    ctx -> !Visitors.of(ctx).isMember());
            // Before the list pages, whose /papers/date/{day} would also take 2026-08-21.atom.
            new SyndicationRoutes(feed, papers, index, site, java.time.Clock.systemUTC()).addTo(config.routes);
            new FeedRoutes(feed, papers, pages, cache, site, subscriptions.open(), members.view()).addTo(config.routes);
            SubscriptionRoutes.limited(subscriptions, pages).addTo(config.routes);
            new DigestPreviewRoutes(preview).addTo(config.routes);
            new SearchRoutes(index, papers, pages, embedding.isOn(), site, members.view()).addTo(config.routes);
            // Before the paper page, whose <id> would also take 2608.19880/upvote.
            new CommunityRoutes(members).addTo(config.routes);
            new ModerationRoutes(members, pages).addTo(config.routes);
            new SubmitRoutes(members, pages).addTo(config.routes);
            new CommunityApiRoutes(members, papers, json).addTo(config.routes);
            new PaperRoutes(papers, index, pages, cache, site, members.view(), members.comments()).addTo(config.routes);
            new ApiRoutes(feed, papers, index, json, cache, site, members.view(), members.comments()).addTo(config.routes);
            // Sitemap files follow the store alone, and a few suffice: each is up to a megabyte.
            PageCache sitemaps = new PageCache(() -> new PageCache.Version(papers.knownChangeNo(), 0), 8);
            new SiteRoutes(papers, site, sitemaps, SiteRoutes.SITEMAP_PAGE).addTo(config.routes);
            new HealthRoutes(database, papers, featured, index, embedding, json).addTo(config.routes);
            new ApiDocRoutes(ApiDocument.load(json), pages, site).addTo(config.routes);
            new MetricsRoutes(metrics).addTo(config);
            AccountEmail email = community.email();
            new AccountRoutes(community.accounts(), email.verification(), visitors, community.limits(), pages).addTo(config.routes);
            SettingsRoutes settings = new SettingsRoutes(community.accounts(), email, visitors, community.limits(), pages);
            settings.addTo(config.routes);
            new VerificationRoutes(email.verification(), community.limits(), pages).addTo(config.routes);
            new PasswordResetRoutes(email.passwordReset(), community.limits(), pages).addTo(config.routes);
            new DigestSettingsRoutes(email.digest(), settings, subscriptions.open()).addTo(config.routes);
            new Errors(pages).addTo(config.routes);
        });
    }
}
