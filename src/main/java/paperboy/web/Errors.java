package paperboy.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import paperboy.feed.InvalidPeriod;
import paperboy.paper.InvalidArxivId;
import paperboy.search.SearchPool;
import paperboy.web.pages.ErrorPage;

/**
 * The one place errors become responses: client mistakes become 400/404 with a message that says
 * what is wrong (an HTML page for people, JSON for {@code /api}); a search refused because the
 * search threads are full is a 503 with {@code Retry-After}; anything else is a bug, logged
 * with its stack trace at warn and answered 500 without internals.
 */
final class Errors {
    private static final Logger log = LoggerFactory.getLogger(Errors.class);
    // Marks a response answered here, so the 404 handler knows Javalin's own "not found" text from ours.
    private static final String ANSWERED = "paperboy.error-answered";

    private final Pages pages;
    private final ObjectMapper json;

    Errors(Pages pages, ObjectMapper json) {
        this.pages = pages;
        this.json = json;
    }

    void addTo(RoutesConfig routes) {
        routes.exception(HttpError.class, (e, ctx) -> answer(ctx, e.status(), e.getMessage()));
        routes.exception(InvalidArxivId.class, (e, ctx) -> answer(ctx, 400, e.getMessage()));
        routes.exception(InvalidPeriod.class, (e, ctx) -> answer(ctx, 400, e.getMessage()));
        routes.exception(SearchPool.Busy.class, (e, ctx) -> {
            ctx.header("Retry-After", Long.toString(e.retryAfter().toSeconds()));
            answer(ctx, 503, e.getMessage());
        });
        routes.exception(Exception.class, (e, ctx) -> {
            log.warn("{} {} failed", ctx.method(), ctx.path(), e);
            answer(ctx, 500, "Something went wrong on our side; it has been logged.");
        });
        routes.error(404, ctx -> {
            // Javalin has already written a plain-text "Endpoint GET /x not found" for unknown paths,
            // so ctx.result() is not null there; only our own answers are left as they are.
            if (ctx.attribute(ANSWERED) == null) {
                answer(ctx, 404, "There is no page at " + ctx.path() + ".");
            }
        });
    }

    private void answer(Context ctx, int status, String message) {
        ctx.attribute(ANSWERED, true);
        ctx.status(status);
        if (ctx.path().startsWith("/api/") || ctx.path().equals("/healthz")) {
            var body = json.createObjectNode().put("error", message);
            ctx.contentType("application/json").result(body.toString());
        } else {
            pages.render(ctx, "error.jte", new ErrorPage(status, title(status), message));
        }
    }

    private static String title(int status) {
        return switch (status) {
            case 400 -> "That request is not quite right";
            case 404 -> "Not found";
            case 413 -> "Too large";
            case 429 -> "Too many requests";
            case 503 -> "Busy";
            default -> status >= 500 ? "Server error" : "Request not served";
        };
    }
}
