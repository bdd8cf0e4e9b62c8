package paperboy.account;

import io.javalin.http.Context;
import java.util.Optional;
import java.util.Set;
import paperboy.http.HttpError;

/**
 * What runs before the routes: {@link #handle} (before every request) finds the visitor (an API
 * token on {@code /api/} routes, else the session cookie) and keeps it on the context for
 * {@link Visitors}; {@link #checkCsrf} (before every request a route answers, so that a wrong
 * method stays a 405 and a wrong path a 404) refuses a state-changing request (POST, PUT, PATCH,
 * DELETE) whose CSRF token is missing or wrong with 403. A request authorised by an API token
 * carries no cookie, so it needs no CSRF token.
 */
public final class VisitorCheck {
    private static final Set<String> CHANGES_STATE = Set.of("POST", "PUT", "PATCH", "DELETE");
    static final String REFUSED = "This form has expired or did not come from this site: reload the page and try again.";

    private final Sessions sessions;
    private final ApiTokens tokens;
    private final CsrfTokens csrf;
    private final Cookies cookies;
    private final Set<String> signedLinks;

    /**
     * @param signedLinks paths whose POSTs are authorised by a signed token in their own address, not
     *                    by a cookie (the digest's RFC 8058 one-click unsubscribe, which a mailbox
     *                    provider posts with no page and no cookie): they need no CSRF token
     */
    public VisitorCheck(Sessions sessions, ApiTokens tokens, CsrfTokens csrf, Set<String> signedLinks) {
        this.signedLinks = Set.copyOf(signedLinks);
        this.sessions = sessions;
        this.tokens = tokens;
        this.csrf = csrf;
        this.cookies = new Cookies(sessions.settings().secure());
    }

    Cookies cookies() {
        return cookies;
    }

    /** Runs before every route (WebApp installs it). */
    public void handle(Context ctx) {
        ctx.attribute(Visitors.CSRF_ISSUER, (Visitors.CsrfIssuer) this::issue);
        Visitor visitor = resolve(ctx);
        ctx.attribute(Visitors.VISITOR, visitor);
        if (visitor.isMember()) {
            // A member's pages name them and carry their token: no shared cache may keep them.
            ctx.header("Cache-Control", "private, no-store");
        }
    }

    /** Runs before every request that a route answers (WebApp installs it as beforeMatched). */
    public void checkCsrf(Context ctx) {
        Visitor visitor = Visitors.of(ctx);
        if (CHANGES_STATE.contains(ctx.req().getMethod()) && needsCsrf(ctx, visitor)) {
            checkCsrf(ctx, visitor);
        }
    }

    /**
     * A forged request borrows the browser's cookies: an API call with a token, or with no
     * credentials at all, has nothing to borrow (the route itself answers 401 when it needs a
     * member), and a signed link is authorised by its own address. Pages need it even for an
     * anonymous visitor, whose log-in and sign-up forms must not be posted from elsewhere.
     */
    private boolean needsCsrf(Context ctx, Visitor visitor) {
        if (visitor.proof() == Visitor.Proof.API_TOKEN || signedLinks.contains(ctx.path())) {
            return false;
        }
        return visitor.proof() == Visitor.Proof.SESSION || !ctx.path().startsWith("/api/");
    }

    private Visitor resolve(Context ctx) {
        String bearer = bearer(ctx);
        if (bearer != null && ctx.path().startsWith("/api/")) {
            return tokens.find(bearer).map(Visitor::byApiToken)
                    .orElseThrow(() -> new HttpError(401, "That API token is not valid (revoked, or its member may not write)."));
        }
        String id = Cookies.read(ctx, Cookies.SESSION);
        if (id == null) {
            return Visitor.anonymous();
        }
        Optional<Sessions.Live> live = sessions.find(id);
        if (live.isEmpty()) {
            cookies.clear(ctx, Cookies.SESSION); // expired or ended: the browser may forget it
            return Visitor.anonymous();
        }
        return Visitor.bySession(live.get().member(), live.get().hash());
    }

    private static String bearer(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return header.substring(7).strip();
    }

    private void checkCsrf(Context ctx, Visitor visitor) {
        String sent = ctx.header("X-CSRF-Token");
        if (sent == null) {
            sent = ctx.formParam("_csrf");
        }
        if (!CsrfTokens.matches(expected(ctx, visitor), sent)) {
            throw new HttpError(403, REFUSED);
        }
    }

    /** The token this request should carry: bound to the member's session, or to the anonymous CSRF cookie. */
    private Optional<String> expected(Context ctx, Visitor visitor) {
        if (visitor.proof() == Visitor.Proof.SESSION) {
            return Optional.of(csrf.forSession(visitor.sessionHash()));
        }
        return Optional.ofNullable(Cookies.read(ctx, Cookies.CSRF)).map(csrf::forCookie);
    }

    /** The token of this request, setting the anonymous CSRF cookie when there is none. */
    private String issue(Context ctx) {
        Visitor visitor = Visitors.of(ctx);
        if (visitor.proof() == Visitor.Proof.SESSION) {
            return csrf.forSession(visitor.sessionHash());
        }
        String value = Cookies.read(ctx, Cookies.CSRF);
        if (value == null || value.length() > 100) {
            value = Secrets.random(16);
            cookies.set(ctx, Cookies.CSRF, value, -1);
        }
        return csrf.forCookie(value);
    }
}
