package paperboy.account;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Map;
import java.util.Optional;
import paperboy.http.HttpError;
import paperboy.http.PageRenderer;

/**
 * {@code /settings} and its forms, each a POST that answers with a redirect back (so a reload does
 * not post again) or the page with what to fix (422):
 * <ul>
 *   <li>{@code /settings/name}: a new display name;</li>
 *   <li>{@code /settings/email}: a new email, with the current password; where the site sends mail,
 *       it takes effect once verified ({@link EmailVerification}), else at once;</li>
 *   <li>{@code /settings/password}: a new password, with the current one; ends every other session;</li>
 *   <li>{@code /settings/tokens}: a new API token with a label, shown once;
 *       {@code /settings/tokens/{id}/revoke} revokes one;</li>
 *   <li>{@code /settings/delete}: deletes the account, with the password (see {@link Members#anonymise}),
 *       and the member's digest subscription with it.</li>
 * </ul>
 * The digest's forms are {@link DigestSettingsRoutes}; asking for the verification mail again is
 * {@link VerificationRoutes}.
 * Checking a current password counts against the account's log-in limit, so a stolen session
 * cannot be used to guess the password either.
 */
public final class SettingsRoutes {
    private static final Map<String, String> NOTICES = Map.ofEntries(
            Map.entry("name", "Your display name is changed."),
            Map.entry("email", "Your email address is changed."),
            Map.entry("email-sent", "A link to verify your new address is on its way to it. Your address changes when you "
                    + "open it; until then, log in with your current one."),
            Map.entry("verify-sent", "A new verification link is on its way; earlier links no longer work."),
            Map.entry("password", "Your password is changed; every other session of yours has been logged out."),
            Map.entry("revoked", "The token is revoked."),
            Map.entry("subscribed", "You are subscribed: the digest goes to your address from the next edition."),
            Map.entry("digest", "Your digest is changed."),
            Map.entry("unsubscribed", "You are unsubscribed: no more digests."));

    private final Accounts accounts;
    private final AccountEmail mail;
    private final VisitorCheck check;
    private final AccountLimits limits;
    private final PageRenderer pages;

    public SettingsRoutes(Accounts accounts, AccountEmail mail, VisitorCheck check, AccountLimits limits, PageRenderer pages) {
        this.accounts = accounts;
        this.mail = mail;
        this.check = check;
        this.limits = limits;
        this.pages = pages;
    }

    public void addTo(RoutesConfig routes) {
        routes.get("/settings", ctx -> show(ctx, 200, NOTICES.get(String.valueOf(ctx.queryParam("done"))), null, null, null, null));
        routes.post("/settings/name", this::rename);
        routes.post("/settings/email", this::changeEmail);
        routes.post("/settings/password", this::changePassword);
        routes.post("/settings/tokens", this::makeToken);
        routes.post("/settings/tokens/{id}/revoke", this::revokeToken);
        routes.post("/settings/delete", this::delete);
    }

    void show(Context ctx, int status, String notice, String problem, String section, ApiTokens.Made made, String label) {
        Member member = sessionMember(ctx);
        ctx.status(status);
        EmailVerification verification = mail.verification();
        pages.render(ctx, "account/settings.jte", new SettingsPage(Visitors.csrfToken(ctx), member,
                accounts.tokens().of(member.id()), notice, problem, section, made, label,
                new SettingsPage.Email(verification.sends(), member.verified(), verification.waitingChange(member).orElse(null)),
                DigestSettingsRoutes.digest(mail.digest(), verification.sends(), member)));
    }

    /** The member of this session; settings are for a browser, not for API tokens. */
    static Member sessionMember(Context ctx) {
        Member member = Visitors.requireMember(ctx);
        if (Visitors.of(ctx).proof() != Visitor.Proof.SESSION) {
            throw new HttpError(403, "Settings are changed from a logged-in browser, not with an API token.");
        }
        return member;
    }

    static void done(Context ctx, String what) {
        ctx.redirect("/settings?done=" + what, HttpStatus.SEE_OTHER);
    }

    void refuse(Context ctx, String section, String problem) {
        show(ctx, 422, null, problem, section, null, null);
    }

    private void rename(Context ctx) {
        Member member = sessionMember(ctx);
        String name = AccountRoutes.field(ctx, "name");
        Optional<String> problem = AccountForms.nameProblem(name);
        if (problem.isPresent()) {
            refuse(ctx, "name", problem.get());
        } else if (!accounts.members().rename(member.id(), name)) {
            refuse(ctx, "name", "That display name is taken; choose another.");
        } else {
            done(ctx, "name");
        }
    }

    private void changeEmail(Context ctx) {
        Member member = sessionMember(ctx);
        String email = AccountRoutes.field(ctx, "email");
        Optional<String> problem = AccountForms.emailProblem(email);
        if (problem.isPresent()) {
            refuse(ctx, "email", problem.get());
        } else if (!currentPassword(ctx, member)) {
            refuse(ctx, "email", "That is not your current password.");
        } else if (accounts.members().clash(null, email, member.id()) != Members.Clash.NONE) {
            // Said only to a member who gave their password, and as often as log-ins are allowed.
            refuse(ctx, "email", "That email address cannot be used for this account.");
        } else if (mail.verification().sends()) {
            mail.verification().sendForChange(member, email);
            done(ctx, "email-sent");
        } else if (!accounts.members().changeEmail(member.id(), email)) {
            refuse(ctx, "email", "That email address cannot be used for this account.");
        } else {
            done(ctx, "email");
        }
    }

    private void changePassword(Context ctx) {
        Member member = sessionMember(ctx);
        if (!currentPassword(ctx, member)) {
            refuse(ctx, "password", "That is not your current password.");
            return;
        }
        Optional<String> problem = accounts.setPassword(member, AccountRoutes.rawField(ctx, "new_password"),
                Visitors.of(ctx).sessionHash());
        if (problem.isPresent()) {
            refuse(ctx, "password", problem.get());
        } else {
            done(ctx, "password");
        }
    }

    private void makeToken(Context ctx) {
        Member member = sessionMember(ctx);
        String label = AccountRoutes.field(ctx, "label");
        if (label.isEmpty() || label.length() > ApiTokens.MAX_LABEL || label.chars().anyMatch(Character::isISOControl)) {
            refuse(ctx, "tokens", "Give the token a label of 1 to " + ApiTokens.MAX_LABEL + " characters, to know it by.");
            return;
        }
        ApiTokens.Made made = accounts.tokens().make(member.id(), label);
        // Shown on this answer only (never stored in the clear, not in a URL): the page says so.
        show(ctx, 201, null, null, null, made, label);
    }

    private void revokeToken(Context ctx) {
        Member member = sessionMember(ctx);
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw HttpError.notFound("There is no such token.");
        }
        if (!accounts.tokens().revoke(member.id(), id)) {
            throw HttpError.notFound("You have no token " + id + ".");
        }
        done(ctx, "revoked");
    }

    private void delete(Context ctx) {
        Member member = sessionMember(ctx);
        if (!"yes".equals(ctx.formParam("confirm"))) {
            refuse(ctx, "delete", "Tick the box to say you mean it.");
        } else if (!currentPassword(ctx, member)) {
            refuse(ctx, "delete", "That is not your current password.");
        } else {
            accounts.members().anonymise(member.id());
            mail.digest().forget(member.id()); // the address is gone from the account: the digest goes with it
            check.cookies().clear(ctx, Cookies.SESSION);
            ctx.redirect("/", HttpStatus.SEE_OTHER);
        }
    }

    /** Checks the form's {@code password} against the member's, within the account's log-in limit. */
    private boolean currentPassword(Context ctx, Member member) {
        limits.logInsPerAccount().takeOrRefuse(Members.key(member.email()));
        return accounts.isCurrentPassword(member, AccountRoutes.rawField(ctx, "password"));
    }
}
