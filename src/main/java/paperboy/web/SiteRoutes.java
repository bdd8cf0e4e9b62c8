package paperboy.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.LongStream;
import paperboy.http.HttpError;
import paperboy.http.PageCache;
import paperboy.http.SiteUrl;
import paperboy.paper.PaperStore;

/**
 * The files the web expects at a site's root: {@code /favicon.ico} and {@code /favicon.svg},
 * {@code /robots.txt}, and the sitemap of paper pages ({@code /sitemap.xml}; when the papers do not
 * fit in one file, an index of {@code /sitemap-1.xml}, {@code /sitemap-2.xml}, ...). Sitemap files
 * are read from the store a page at a time and cached until the store changes.
 */
final class SiteRoutes {
    /** Papers per sitemap file: below the protocol's 50,000, so that one file is a short read (about 1 MB). */
    static final int SITEMAP_PAGE = 10_000;
    private static final String XML = "application/xml;charset=utf-8";
    private static final String LONG_LIVED = "public, max-age=86400";

    private final PaperStore papers;
    private final SiteUrl site;
    private final PageCache cache;
    private final int pageSize;
    private final byte[] icon = resource("/static/favicon.ico");
    private final byte[] svgIcon = resource("/static/favicon.svg");

    /** @param cache a cache for the sitemap files, following the store's changes; {@code pageSize} papers a file */
    SiteRoutes(PaperStore papers, SiteUrl site, PageCache cache, int pageSize) {
        if (pageSize < 1 || pageSize > Sitemap.MAX_URLS) {
            throw new IllegalArgumentException("a sitemap file holds 1 to " + Sitemap.MAX_URLS + " addresses, not " + pageSize);
        }
        this.papers = papers;
        this.site = site;
        this.cache = cache;
        this.pageSize = pageSize;
    }

    void addTo(RoutesConfig routes) {
        routes.get("/favicon.ico", ctx -> ctx.header("Cache-Control", LONG_LIVED).contentType("image/x-icon").result(icon));
        routes.get("/favicon.svg", ctx -> ctx.header("Cache-Control", LONG_LIVED).contentType("image/svg+xml").result(svgIcon));
        routes.get("/robots.txt", this::robots);
        routes.get("/sitemap.xml", cache.of(this::sitemap));
        routes.get("/sitemap-{page}.xml", cache.of(this::sitemapPage));
    }

    /**
     * Lists and paper pages are for everyone; searches and the JSON API are endless combinations
     * of parameters (and cost a search each), so crawlers are asked to leave them alone.
     */
    private void robots(Context ctx) {
        ctx.header("Cache-Control", "public, max-age=3600").contentType("text/plain;charset=utf-8").result("""
                # Paperboy: lists and paper pages are for everyone; searches and the API are not for crawling.
                User-agent: *
                Disallow: /search
                Disallow: /api/
                Disallow: /healthz

                Sitemap: %s
                """.formatted(site.absolute(ctx, "/sitemap.xml")));
    }

    private long files() {
        return Math.max(1, (papers.count() + pageSize - 1) / pageSize);
    }

    /** One file of every paper while they fit; then the index of the files. */
    private void sitemap(Context ctx) {
        long files = files();
        String base = site.base(ctx);
        byte[] body;
        if (files == 1) {
            List<Sitemap.Entry> entries = papers.stamps(0, pageSize).stream().map(s -> Sitemap.paper(base, s)).toList();
            // The protocol wants at least one address: an empty store has its home page.
            body = Sitemap.urlset(entries.isEmpty() ? List.of(new Sitemap.Entry(base + "/", null)) : entries);
        } else {
            body = Sitemap.index(LongStream.rangeClosed(1, files).mapToObj(n -> base + "/sitemap-" + n + ".xml").toList());
        }
        ctx.contentType(XML).result(body);
    }

    private void sitemapPage(Context ctx) {
        String raw = ctx.pathParam("page");
        long files = files();
        long page = raw.matches("[1-9][0-9]{0,8}") ? Long.parseLong(raw) : 0;
        if (page < 1 || page > files) {
            throw HttpError.notFound("There is no sitemap file " + raw + ": this site has "
                    + (files == 1 ? "one, /sitemap.xml" : files + ", listed in /sitemap.xml") + ".");
        }
        String base = site.base(ctx);
        ctx.contentType(XML).result(Sitemap.urlset(
                papers.stamps((page - 1) * pageSize, pageSize).stream().map(s -> Sitemap.paper(base, s)).toList()));
    }

    private static byte[] resource(String name) {
        try (InputStream in = SiteRoutes.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the bundled resource " + name + " is missing from the build");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
