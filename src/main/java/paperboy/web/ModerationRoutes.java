package paperboy.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import paperboy.account.Member;
import paperboy.account.Role;
import paperboy.account.Visitors;
import paperboy.community.Participation;
import paperboy.community.discussion.Comment;
import paperboy.http.HttpError;
import paperboy.paper.ArxivId;
import paperboy.web.pages.AuditLogPage;
import paperboy.web.pages.ModerationPage;

/**
 * Moderators' routes (403 for anyone else): hide and restore a comment, ban and unban a member,
 * take a submitted paper off its list, and {@code /moderation} with the open reports. Admins also
 * read the audit log at {@code /admin/log}. Every action is logged by {@link paperboy.community.moderation.Moderation}.
 */
final class ModerationRoutes {
    static final int SHOWN = 200;

    private final Participation community;
    private final Pages pages;

    ModerationRoutes(Participation community, Pages pages) {
        this.community = community;
        this.pages = pages;
    }

    void addTo(RoutesConfig routes) {
        routes.post("/comments/{id}/hide", ctx -> moveComment(ctx, true));
        routes.post("/comments/{id}/restore", ctx -> moveComment(ctx, false));
        routes.post("/members/{id}/ban", ctx -> ban(ctx, true));
        routes.post("/members/{id}/unban", ctx -> ban(ctx, false));
        routes.post("/papers/<id>/remove-submission", this::removeSubmission);
        routes.get("/moderation", ctx -> {
            Visitors.requireRole(ctx, Role.MODERATOR);
            pages.render(ctx, "moderation.jte", ModerationPage.of(community.reports().open(SHOWN), community.view().names()));
        });
        routes.get("/admin/log", ctx -> {
            Visitors.requireRole(ctx, Role.ADMIN);
            pages.render(ctx, "auditlog.jte", AuditLogPage.of(community.moderation().log().latest(SHOWN), community.view().names()));
        });
    }

    private void moveComment(Context ctx, boolean hide) {
        Member moderator = Visitors.requireRole(ctx, Role.MODERATOR);
        long id = CommunityRoutes.commentId(ctx.pathParam("id"));
        Comment comment = community.comments().find(id).orElseThrow(() -> new HttpError(404, "There is no comment " + id + "."));
        String reason = ctx.formParam("reason");
        if (hide) {
            community.moderation().hide(moderator.id(), id, reason);
        } else {
            community.moderation().restore(moderator.id(), id, reason);
        }
        ctx.redirect("/papers/" + comment.paper().value() + "#comment-" + id, HttpStatus.SEE_OTHER);
    }

    private void ban(Context ctx, boolean ban) {
        Member moderator = Visitors.requireRole(ctx, Role.MODERATOR);
        long member = memberId(ctx.pathParam("id"));
        if (member == moderator.id()) {
            throw new HttpError(422, "A moderator cannot ban themselves.");
        }
        if (ban) {
            community.moderation().ban(moderator.id(), member, ctx.formParam("reason"));
        } else {
            community.moderation().unban(moderator.id(), member, ctx.formParam("reason"));
        }
        CommunityRoutes.back(ctx, "");
    }

    private void removeSubmission(Context ctx) {
        Member moderator = Visitors.requireRole(ctx, Role.MODERATOR);
        ArxivId paper = ArxivId.parse(ctx.pathParam("id"));
        if (!community.moderation().removeSubmission(moderator.id(), paper, ctx.formParam("reason"))) {
            throw new HttpError(404, "Paper " + paper + " was not submitted by a member.");
        }
        ctx.redirect("/papers/" + paper.value(), HttpStatus.SEE_OTHER);
    }

    private static long memberId(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw HttpError.badRequest("\"" + text + "\" is not a member number.");
        }
    }
}
