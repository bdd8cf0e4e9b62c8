package paperboy.account;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import paperboy.http.ErrorJson;
import paperboy.http.PageRenderer;

/**
 * The pages of accounts: {@code /signup}, {@code /login}, {@code POST /logout} (and
 * {@code /settings}, see {@link SettingsRoutes}), and how a page that needs a member answers a
 * visitor who is not logged in ({@link MemberRequired}: to {@code /login?next=...} and back; under
 * {@code /api/}, 401).
 */
public final class AccountRoutes {
    static final String SIGNED_UP = "If that email address had no account, it has one now: log in with it.";
    static final String SIGNED_UP_MAILED = "If that email address had no account, it has one now, and a mail with a link "
            + "to verify the address is on its way to it: log in with it.";
    static final String RESET = "Your new password is set, and every browser where you were logged in is logged out: log in with it.";
    static final String REFUSED = "That email address and password do not match an account.";
    static final String CLOSED = "This account cannot log in: it has been closed, banned or disabled.";

    private final Accounts accounts;
    private final EmailVerification verification;
    private final VisitorCheck check;
    private final AccountLimits limits;
    private final PageRenderer pages;

    public AccountRoutes(Accounts accounts, EmailVerification verification, VisitorCheck check, AccountLimits limits,
            PageRenderer pages) {
        this.accounts = accounts;
        this.verification = verification;
        this.check = check;
        this.limits = limits;
        this.pages = pages;
    }

    public void addTo(RoutesConfig routes) {
        routes.get("/signup", ctx -> pages.render(ctx, "account/signup.jte", new SignUpPage(Visitors.csrfToken(ctx), "", "", List.of())));
        routes.post("/signup", this::signUp);
        routes.get("/login", ctx -> logInForm(ctx, 200, "", null, null));
        routes.post("/login", this::logIn);
        routes.post("/logout", this::logOut);
        routes.exception(MemberRequired.class, (e, ctx) -> toLogIn(ctx));
    }

    private void signUp(Context ctx) {
        limits.signUpsPerAddress().takeOrRefuse(ctx.ip());
        String name = field(ctx, "name"), email = field(ctx, "email");
        // A new account's address gets a verification mail (queued; the token and the account are two small
        // writes a taken email does not make, against the password hash both make, which takes far longer).
        List<String> problems = accounts.signUp(name, email, rawField(ctx, "password"), verification::sendFor);
        if (!problems.isEmpty()) {
            ctx.status(422);
            pages.render(ctx, "account/signup.jte", new SignUpPage(Visitors.csrfToken(ctx), name, email, problems));
            return;
        }
        ctx.redirect("/login?signed-up=1", io.javalin.http.HttpStatus.SEE_OTHER);
    }

    private void logInForm(Context ctx, int status, String email, String problem, String nextOverride) {
        String next = LocalPath.orHome(nextOverride != null ? nextOverride : ctx.queryParam("next"));
        String notice = ctx.queryParam("signed-up") != null ? (verification.sends() ? SIGNED_UP_MAILED : SIGNED_UP)
                : ctx.queryParam("reset") != null ? RESET : null;
        ctx.status(status);
        pages.render(ctx, "account/login.jte", new LogInPage(Visitors.csrfToken(ctx), email, next, notice, problem));
    }

    private void logIn(Context ctx) {
        String email = field(ctx, "email");
        String next = LocalPath.orHome(ctx.queryParam("next") != null ? ctx.queryParam("next") : ctx.formParam("next"));
        limits.logInsPerAddress().takeOrRefuse(ctx.ip());
        String account = Members.key(email);
        limits.logInsPerAccount().takeOrRefuse(account);
        switch (accounts.logIn(email, rawField(ctx, "password"))) {
            case Accounts.LogIn.Welcome welcome -> {
                limits.logInsPerAccount().reset(account);
                // A new session id at every log-in: an id planted before it (session fixation) is worth nothing.
                accounts.sessions().end(Cookies.read(ctx, Cookies.SESSION));
                Sessions.Started started = accounts.sessions().start(welcome.member());
                check.cookies().set(ctx, Cookies.SESSION, started.id(), accounts.sessions().settings().lifetime().toSeconds());
                ctx.redirect(next, io.javalin.http.HttpStatus.SEE_OTHER);
            }
            case Accounts.LogIn.Closed closed -> logInForm(ctx, 403, email, CLOSED, next);
            case Accounts.LogIn.Refused refused -> logInForm(ctx, 401, email, REFUSED, next);
        }
    }

    private void logOut(Context ctx) {
        accounts.sessions().end(Cookies.read(ctx, Cookies.SESSION));
        check.cookies().clear(ctx, Cookies.SESSION);
        ctx.redirect("/", io.javalin.http.HttpStatus.SEE_OTHER);
    }

    /** A page that needs a member, asked by a visitor who is not logged in. */
    private static void toLogIn(Context ctx) {
        if (ErrorJson.answersAt(ctx.path())) {
            ctx.status(401).header("WWW-Authenticate", "Bearer").contentType("application/json")
                    .result(ErrorJson.body("Log in first: send Authorization: Bearer <an API token from /settings>."));
            return;
        }
        String back = ctx.method().name().equals("GET")
                ? (ctx.queryString() == null ? ctx.path() : ctx.path() + "?" + ctx.queryString())
                : refererPath(ctx);
        String next = LocalPath.orHome(back);
        ctx.redirect(next.equals("/") ? "/login"
                : "/login?next=" + java.net.URLEncoder.encode(next, java.nio.charset.StandardCharsets.UTF_8),
                io.javalin.http.HttpStatus.SEE_OTHER);
    }

    /** The path of the page a form was posted from, when it is this site's; else {@code /}. */
    private static String refererPath(Context ctx) {
        String referer = ctx.header("Referer");
        if (referer == null) {
            return "/";
        }
        try {
            java.net.URI uri = java.net.URI.create(referer);
            if (uri.getHost() == null || !uri.getHost().equalsIgnoreCase(hostName(ctx.host()))) {
                return "/";
            }
            return uri.getRawQuery() == null ? uri.getRawPath() : uri.getRawPath() + "?" + uri.getRawQuery();
        } catch (IllegalArgumentException e) {
            return "/";
        }
    }

    private static String hostName(String host) {
        if (host == null) {
            return "";
        }
        int colon = host.lastIndexOf(':');
        return colon > 0 && !host.endsWith("]") ? host.substring(0, colon) : host;
    }

    /** A text field, stripped; empty when absent. */
    static String field(Context ctx, String name) {
        String value = ctx.formParam(name);
        return value == null ? "" : value.strip();
    }

    /** A query parameter or field as sent; empty when absent. */
    static String text(String value) {
        return value == null ? "" : value;
    }

    /** A field as typed (passwords keep their spaces). */
    static String rawField(Context ctx, String name) {
        String value = ctx.formParam(name);
        return value == null ? "" : value;
    }
}
