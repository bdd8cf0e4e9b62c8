package paperboy.account;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import paperboy.http.HttpError;
import paperboy.http.PageRenderer;
import paperboy.http.TokenLinks;

/**
 * Verifying an address: {@code GET /verify?token=} (the mail's link) shows a button, since link
 * scanners fetch every link in a mail; its {@code POST /verify} spends the token. {@code POST
 * /settings/verify} mails the link again, a few times an hour.
 */
public final class VerificationRoutes {
    static final String BAD_LINK = "This link is not valid (any more): a verification link works once, for 48 hours, "
            + "and only the latest one mailed. Ask for a new one on your settings page.";

    private final EmailVerification verification;
    private final AccountLimits limits;
    private final PageRenderer pages;

    public VerificationRoutes(EmailVerification verification, AccountLimits limits, PageRenderer pages) {
        this.verification = verification;
        this.limits = limits;
        this.pages = pages;
    }

    public void addTo(RoutesConfig routes) {
        routes.get("/verify", this::askToVerify);
        routes.post("/verify", this::verify);
        routes.post("/settings/verify", this::sendAgain);
    }

    private void askToVerify(Context ctx) {
        String token = AccountRoutes.text(ctx.queryParam("token"));
        java.util.Optional<String> address = verification.addressOf(token);
        if (address.isEmpty()) {
            badLink(ctx);
            return;
        }
        TokenLinks.keepPrivate(ctx);
        pages.render(ctx, "account/token.jte", new TokenPage(Visitors.csrfToken(ctx), "Verify your email address", "/verify",
                token, address.get(), "Verify my address", false, null));
    }

    private void verify(Context ctx) {
        switch (verification.verify(AccountRoutes.field(ctx, "token"))) {
            case EmailVerification.Outcome.Verified verified -> pages.render(ctx, "account/notice.jte", new AccountNotice(
                    "Your address is verified", verified.member().email() + " is your account's address now: password "
                    + "resets and the digest can go to it.", "/settings#digest", "Your settings"));
            case EmailVerification.Outcome.Taken taken -> {
                ctx.status(409);
                pages.render(ctx, "account/notice.jte", new AccountNotice("Address taken",
                        "Another account uses this address now, so yours keeps its address.", "/settings#email", "Your settings"));
            }
            case EmailVerification.Outcome.Refused refused -> badLink(ctx);
        }
    }

    private void sendAgain(Context ctx) {
        Member member = SettingsRoutes.sessionMember(ctx);
        limits.verificationMails().takeOrRefuse(Long.toString(member.id()));
        verification.sendAgain(member);
        ctx.redirect("/settings?done=verify-sent#email", HttpStatus.SEE_OTHER);
    }

    /** A link used, expired or made up: the site's 404 page, saying so (a page of our own would be taken for Javalin's). */
    private static void badLink(Context ctx) {
        throw HttpError.notFound(BAD_LINK);
    }
}
