package paperboy.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.MethodNotAllowedResponse;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import paperboy.account.Passwords;
import paperboy.community.Banned;
import paperboy.community.SubmissionRefused;
import paperboy.community.UnknownPaper;
import paperboy.community.discussion.CommentRefused;
import paperboy.feed.InvalidPeriod;
import paperboy.http.ErrorJson;
import paperboy.http.HttpError;
import paperboy.http.TooManyRequests;
import paperboy.paper.InvalidArxivId;
import paperboy.search.SearchPool;
import paperboy.web.pages.ErrorPage;

/**
 * The one place errors of routed requests become responses (see {@link JettyErrors} for the rest):
 * client mistakes become 400/404/405 with a message that says what is wrong (an HTML page for people, JSON for {@code /api});
 * a search refused because the search threads are full, or a log-in that waited too long for its
 * turn to hash, is a 503 with {@code Retry-After}; anything else is a bug, logged
 * with its stack trace at warn and answered 500 without internals.
 */
final class Errors {
    private static final Logger log = LoggerFactory.getLogger(Errors.class);
    // Marks a response answered here, so the 404 handler knows Javalin's own "not found" text from ours.
    private static final String ANSWERED = "paperboy.error-answered";

    private final Pages pages;

    Errors(Pages pages) {
        this.pages = pages;
    }

    void addTo(RoutesConfig routes) {
        routes.exception(HttpError.class, (e, ctx) -> answer(ctx, e.status(), e.getMessage()));
        routes.exception(InvalidArxivId.class, (e, ctx) -> answer(ctx, 400, e.getMessage()));
        routes.exception(InvalidPeriod.class, (e, ctx) -> answer(ctx, 400, e.getMessage()));
        // what members may not do: the community's rules say why, and with which status
        routes.exception(SubmissionRefused.class, (e, ctx) -> answer(ctx, e.reason().status(), e.getMessage()));
        routes.exception(CommentRefused.class, (e, ctx) -> answer(ctx, e.status(), e.getMessage()));
        routes.exception(Banned.class, (e, ctx) -> answer(ctx, 403, e.getMessage()));
        routes.exception(UnknownPaper.class, (e, ctx) -> answer(ctx, 404, e.getMessage()));
        routes.exception(MethodNotAllowedResponse.class, (e, ctx) -> {
            String allowed = allowed(e);
            ctx.header("Allow", allowed);
            answer(ctx, 405, ctx.path() + " answers " + allowed + ", not " + ctx.method() + ".");
        });
        routes.exception(SearchPool.Busy.class, (e, ctx) -> {
            ctx.header("Retry-After", Long.toString(e.retryAfter().toSeconds()));
            answer(ctx, 503, e.getMessage());
        });
        routes.exception(Passwords.Busy.class, (e, ctx) -> {
            ctx.header("Retry-After", "5");
            answer(ctx, 503, e.getMessage());
        });
        routes.exception(TooManyRequests.class, (e, ctx) -> {
            ctx.header("Retry-After", Long.toString(e.retryAfterSeconds()));
            answer(ctx, 429, e.getMessage());
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

    /** The methods the path answers, as Javalin found them; HEAD goes with every GET. */
    private static String allowed(MethodNotAllowedResponse e) {
        List<String> methods = new ArrayList<>(List.of(e.getDetails().getOrDefault("availableMethods", "").split(",\\s*")));
        if (methods.contains("GET") && !methods.contains("HEAD")) {
            methods.add(methods.indexOf("GET") + 1, "HEAD");
        }
        return String.join(", ", methods);
    }

    /** Marks a response a route answered itself with an error status (a form shown again), so the 404 page leaves it. */
    static void answered(Context ctx) {
        ctx.attribute(ANSWERED, true);
    }

    private void answer(Context ctx, int status, String message) {
        answered(ctx);
        ctx.status(status);
        if (ErrorJson.answersAt(ctx.path())) {
            ctx.contentType("application/json").result(ErrorJson.body(message));
        } else {
            pages.render(ctx, "error.jte", ErrorPage.of(status, message));
        }
    }
}
