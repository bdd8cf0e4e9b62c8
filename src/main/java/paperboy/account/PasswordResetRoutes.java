package paperboy.account;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Optional;
import paperboy.http.HttpError;
import paperboy.http.PageRenderer;
import paperboy.http.TokenLinks;

/**
 * A forgotten password: {@code /password/reset} asks for the address and answers the same whether
 * or not it has an account, within limits per client address and per address asked for;
 * {@code GET /password/reset/new?token=} (the mail's link) shows the new-password form, whose POST
 * sets it, spends the link and logs the member out everywhere.
 */
public final class PasswordResetRoutes {
    static final String ASKED = "If an account has that address, a mail with a link to choose a "
            + "new password is on its way to it. The link works once, for 1 hour.";
    static final String BAD_LINK = "This link is not valid (any more): a password reset link works once, for 1 hour, "
            + "and only the latest one mailed.";
    static final String NO_MAIL = "This site sends no email (its operator has not set PAPERBOY_BASE_URL, which mail links "
            + "need), so a password cannot be reset by mail: ask the operator, who can set one with paperboy user password.";

    private final PasswordReset reset;
    private final AccountLimits limits;
    private final PageRenderer pages;

    public PasswordResetRoutes(PasswordReset reset, AccountLimits limits, PageRenderer pages) {
        this.reset = reset;
        this.limits = limits;
        this.pages = pages;
    }

    public void addTo(RoutesConfig routes) {
        routes.get("/password/reset", ctx -> {
            open();
            pages.render(ctx, "account/forgot.jte", Visitors.csrfToken(ctx));
        });
        routes.post("/password/reset", this::ask);
        routes.get("/password/reset/new", this::form);
        routes.post("/password/reset/new", this::setPassword);
    }

    private void open() {
        if (!reset.sends()) {
            throw HttpError.notFound(NO_MAIL);
        }
    }

    private void ask(Context ctx) {
        open();
        limits.resetsPerAddress().takeOrRefuse(ctx.ip());
        String email = AccountRoutes.field(ctx, "email");
        Optional<String> problem = AccountForms.emailProblem(email);
        if (problem.isPresent()) {
            throw HttpError.badRequest(problem.get());
        }
        limits.resetsPerEmail().takeOrRefuse(Members.key(email));
        reset.ask(email);
        // The same page, after the same work but the queued mail, whether or not the address has an account.
        pages.render(ctx, "account/notice.jte", new AccountNotice("Check your inbox", ASKED, "/login", "Back to log in"));
    }

    private void form(Context ctx) {
        open();
        String token = AccountRoutes.text(ctx.queryParam("token"));
        Optional<Member> member = reset.holder(token);
        if (member.isEmpty()) {
            badLink(ctx);
            return;
        }
        TokenLinks.keepPrivate(ctx);
        pages.render(ctx, "account/token.jte", page(ctx, token, member.get(), null));
    }

    private void setPassword(Context ctx) {
        open();
        limits.resetsPerAddress().takeOrRefuse(ctx.ip());
        String token = AccountRoutes.field(ctx, "token");
        switch (reset.reset(token, AccountRoutes.rawField(ctx, "password"))) {
            case PasswordReset.Outcome.Done done -> ctx.redirect("/login?reset=1", HttpStatus.SEE_OTHER);
            case PasswordReset.Outcome.Problem problem -> {
                Optional<Member> member = reset.holder(token);
                if (member.isEmpty()) {
                    badLink(ctx); // spent by another request meanwhile
                    return;
                }
                ctx.status(422);
                TokenLinks.keepPrivate(ctx);
                pages.render(ctx, "account/token.jte", page(ctx, token, member.get(), problem.problem()));
            }
            case PasswordReset.Outcome.Refused refused -> badLink(ctx);
        }
    }

    private static TokenPage page(Context ctx, String token, Member member, String problem) {
        return new TokenPage(Visitors.csrfToken(ctx), "Choose a new password", "/password/reset/new", token, member.email(),
                "Set my password", true, problem);
    }

    /** A link used, expired or made up: the site's 404 page, saying so (a page of our own would be taken for Javalin's). */
    private static void badLink(Context ctx) {
        throw HttpError.notFound(BAD_LINK);
    }
}
