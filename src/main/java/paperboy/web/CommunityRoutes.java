package paperboy.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Map;
import paperboy.account.LocalPath;
import paperboy.account.Member;
import paperboy.account.Visitors;
import paperboy.community.Participation;
import paperboy.community.Vote;
import paperboy.community.discussion.Comment;
import paperboy.http.HttpError;
import paperboy.paper.ArxivId;

/**
 * What a member writes from a paper's page or a list: upvote ({@code POST /papers/{id}/upvote}),
 * comment and reply ({@code POST /papers/{id}/comments}), edit, delete and report a comment
 * ({@code POST /comments/{id}/edit|delete|report}). Every form carries the CSRF token (checked
 * before any route) and a {@code next} page to return to; a script asking for JSON
 * ({@code Accept: application/json}) gets the new state instead of a redirect.
 */
final class CommunityRoutes {
    private final Participation community;

    CommunityRoutes(Participation community) {
        this.community = community;
    }

    void addTo(RoutesConfig routes) {
        routes.post("/papers/<id>/upvote", this::upvote);
        routes.post("/papers/<id>/comments", this::comment);
        routes.post("/comments/{id}/edit", this::edit);
        routes.post("/comments/{id}/delete", this::delete);
        routes.post("/comments/{id}/report", this::report);
    }

    private Member writer(Context ctx) {
        Member member = Visitors.requireMember(ctx);
        community.writes().takeOrRefuse("member:" + member.id());
        return member;
    }

    private void upvote(Context ctx) {
        Member member = writer(ctx);
        ArxivId paper = ArxivId.parse(ctx.pathParam("id"));
        String wanted = ctx.formParam("upvoted");
        Vote vote = wanted == null
                ? community.upvotes().toggle(member.id(), paper)
                : community.upvotes().set(member.id(), paper, Boolean.parseBoolean(wanted));
        if (wantsJson(ctx)) {
            ctx.json(Map.of("upvoted", vote.upvoted(), "upvotes", vote.upvotes()));
        } else {
            back(ctx, "#paper-" + anchor(paper));
        }
    }

    private void comment(Context ctx) {
        Member member = writer(ctx);
        ArxivId paper = ArxivId.parse(ctx.pathParam("id"));
        Long parent = commentId(ctx.formParam("parent"));
        Comment c = community.comments().add(member.id(), paper, parent, ctx.formParam("body"));
        ctx.redirect("/papers/" + paper.value() + "#comment-" + c.id(), HttpStatus.SEE_OTHER);
    }

    private void edit(Context ctx) {
        Member member = writer(ctx);
        Comment c = community.comments().edit(member.id(), commentId(ctx.pathParam("id")), ctx.formParam("body"));
        ctx.redirect("/papers/" + c.paper().value() + "#comment-" + c.id(), HttpStatus.SEE_OTHER);
    }

    private void delete(Context ctx) {
        Member member = writer(ctx);
        Comment c = community.comments().delete(member.id(), commentId(ctx.pathParam("id")));
        ctx.redirect("/papers/" + c.paper().value() + "#comment-" + c.id(), HttpStatus.SEE_OTHER);
    }

    private void report(Context ctx) {
        Member member = writer(ctx);
        long id = commentId(ctx.pathParam("id"));
        community.reports().report(member.id(), id, ctx.formParam("reason"));
        Comment c = community.comments().find(id).orElseThrow();
        ctx.redirect("/papers/" + c.paper().value() + "?reported=" + id + "#comment-" + id, HttpStatus.SEE_OTHER);
    }

    /** Back to the page the form was on (a local path only, never another site), or home. */
    static void back(Context ctx, String fragment) {
        String next = LocalPath.orHome(ctx.formParam("next"));
        ctx.redirect(next.contains("#") ? next : next + fragment, HttpStatus.SEE_OTHER);
    }

    static boolean wantsJson(Context ctx) {
        String accept = ctx.header("Accept");
        return accept != null && accept.contains("application/json");
    }

    /** An id usable in an HTML id: old-style ids have a slash. */
    static String anchor(ArxivId paper) {
        return paper.value().replace('/', '-');
    }

    static Long commentId(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw HttpError.badRequest("\"" + text + "\" is not a comment number.");
        }
    }
}
