package paperboy.account;

import io.javalin.http.Context;
import java.util.Optional;
import paperboy.http.HttpError;

/**
 * How routes learn who is asking. {@link VisitorCheck} resolves the visitor once per request, before
 * any route, and keeps it on the Javalin context; these read it back:
 * <ul>
 *   <li>{@link #of}: the {@link Visitor}, anonymous when nobody logged in;</li>
 *   <li>{@link #requireMember}: the member, or a {@link MemberRequired} (pages: to log in and back;
 *       API: 401);</li>
 *   <li>{@link #requireRole}: the member with that role, or 403;</li>
 *   <li>{@link #csrfToken}: the token a form of this request must carry back;</li>
 *   <li>{@link #visit}: all of it for the layout.</li>
 * </ul>
 */
public final class Visitors {
    static final String VISITOR = "paperboy.visitor";
    static final String CSRF_TOKEN = "paperboy.csrf-token";
    static final String CSRF_ISSUER = "paperboy.csrf-issuer";

    private Visitors() {}

    /** The visitor of this request; anonymous when nobody logged in or before it was resolved. */
    public static Visitor of(Context ctx) {
        Visitor visitor = ctx.attribute(VISITOR);
        return visitor == null ? Visitor.anonymous() : visitor;
    }

    /** The active member making this request, or a {@link MemberRequired}. */
    public static Member requireMember(Context ctx) {
        Optional<Member> member = of(ctx).member().filter(Member::isActive);
        return member.orElseThrow(MemberRequired::new);
    }

    /** The active member making this request when their role includes {@code role}; else 403 (or to log in first). */
    public static Member requireRole(Context ctx, Role role) {
        Member member = requireMember(ctx);
        if (!member.role().includes(role)) {
            throw new HttpError(403, "This needs the " + role.word() + " role.");
        }
        return member;
    }

    /**
     * The CSRF token that forms of this page must post back as {@code _csrf} (or scripts send as
     * {@code X-CSRF-Token}). For a visitor who is not logged in, this sets the cookie the token is
     * bound to when there is none yet, so call it only on pages that are never cached (forms).
     */
    public static String csrfToken(Context ctx) {
        String token = ctx.attribute(CSRF_TOKEN);
        if (token == null) {
            CsrfIssuer issuer = ctx.attribute(CSRF_ISSUER);
            if (issuer == null) {
                throw new IllegalStateException("no CSRF issuer on this request: VisitorCheck is not installed");
            }
            token = issuer.issue(ctx);
            ctx.attribute(CSRF_TOKEN, token);
        }
        return token;
    }

    /** What the layout shows of this visitor; the token only for a member (see {@link Visit}). */
    public static Visit visit(Context ctx) {
        Visitor visitor = of(ctx);
        String here = ctx.queryString() == null ? ctx.path() : ctx.path() + "?" + ctx.queryString();
        if (!LocalPath.isLocal(here) || ctx.path().equals("/login") || ctx.path().equals("/signup")) {
            here = "/";
        }
        return new Visit(visitor, visitor.proof() == Visitor.Proof.SESSION ? csrfToken(ctx) : null, here);
    }

    /** Makes the CSRF token of a request when a page first asks for it. */
    interface CsrfIssuer {
        String issue(Context ctx);
    }
}
