package paperboy.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import paperboy.account.Member;
import paperboy.account.Visitors;
import paperboy.community.Participation;
import paperboy.community.SubmissionRefused;
import paperboy.community.Submitting;
import paperboy.paper.ArxivId;
import paperboy.paper.InvalidArxivId;
import paperboy.web.pages.SubmitPage;

/**
 * {@code /submit}: a member puts a paper on today's list by arXiv id or link. The form shows the
 * rules; a refused submission shows the form again with why, and the status that fits.
 */
final class SubmitRoutes {
    private final Participation community;
    private final Pages pages;

    SubmitRoutes(Participation community, Pages pages) {
        this.community = community;
        this.pages = pages;
    }

    void addTo(RoutesConfig routes) {
        routes.get("/submit", ctx -> {
            Visitors.requireMember(ctx);
            form(ctx, "", null, 200);
        });
        routes.post("/submit", this::submit);
    }

    private void submit(Context ctx) {
        Member member = Visitors.requireMember(ctx);
        String typed = ctx.formParam("paper") == null ? "" : ctx.formParam("paper").strip();
        ArxivId id;
        try {
            id = ArxivId.parse(typed);
        } catch (InvalidArxivId e) {
            form(ctx, typed, e.getMessage(), 400);
            return;
        }
        community.writes().takeOrRefuse("member:" + member.id());
        try {
            Submitting.Outcome outcome = community.submitting().submit(member.id(), id);
            String already = outcome instanceof Submitting.Outcome.AlreadyListed ? "?already=1" : "";
            ctx.redirect("/papers/" + outcome.paper().id().value() + already, HttpStatus.SEE_OTHER);
        } catch (SubmissionRefused e) {
            form(ctx, typed, e.getMessage(), e.reason().status());
        }
    }

    private void form(Context ctx, String typed, String error, int status) {
        ctx.status(status);
        Errors.answered(ctx);
        pages.render(ctx, "submit.jte", new SubmitPage(typed, error, community.submitting().rules()));
    }
}
