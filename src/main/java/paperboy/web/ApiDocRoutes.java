package paperboy.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import paperboy.apidoc.ApiDocument;
import paperboy.http.Conditional;
import paperboy.http.SiteUrl;

/**
 * The API's description: the OpenAPI document at {@code /api/openapi.json} (with an ETag, so a
 * client that has it gets a 304) and the page made from it at {@code /api}.
 */
final class ApiDocRoutes {
    // The document changes only with a new build; an hour-old copy after an upgrade is harmless.
    private static final String CACHE_CONTROL = "public, max-age=3600";

    private final ApiDocument document;
    private final Pages pages;
    private final SiteUrl site;

    /** @param site where the page's curl lines point */
    ApiDocRoutes(ApiDocument document, Pages pages, SiteUrl site) {
        this.document = document;
        this.pages = pages;
        this.site = site;
    }

    void addTo(RoutesConfig routes) {
        routes.get(ApiDocument.PATH, this::document);
        routes.get("/api", this::page);
    }

    private void document(Context ctx) {
        ctx.header("ETag", document.etag());
        ctx.header("Cache-Control", CACHE_CONTROL);
        if (Conditional.notModified(ctx.header("If-None-Match"), null, document.etag(), null)) {
            ctx.status(304);
            return;
        }
        ctx.contentType("application/json").result(document.bytes());
    }

    private void page(Context ctx) {
        ctx.header("Cache-Control", CACHE_CONTROL);
        pages.render(ctx, "api.jte", document.page(site.base(ctx)));
    }
}
