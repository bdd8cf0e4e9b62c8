package paperboy.account;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * What the page layout knows of the visitor: who they are, the CSRF token to put in forms
 * ({@code <input type="hidden" name="_csrf" value="${visit.csrfToken()}">}) and in
 * {@code <meta name="csrf-token">} for scripts, and where they are (for "Log in" to come back).
 * Pages rendered through {@code web.Pages} get it as the template parameter {@code visit}.
 *
 * <p>For a visitor who is not logged in, the token is null on pages: those pages may come from the
 * shared page cache, which must hold nothing of one visitor. The log-in and sign-up forms carry
 * their own token.
 */
public record Visit(Visitor visitor, String csrfToken, String here) {
    /** An anonymous visitor on no page in particular (error pages, defaults). */
    public static final Visit NOBODY = new Visit(Visitor.anonymous(), null, "/");

    public boolean isMember() {
        return visitor.isMember();
    }

    public String name() {
        return visitor.name();
    }

    /** {@code /login?next=<here>}. */
    public String loginHref() {
        return here.equals("/") ? "/login" : "/login?next=" + URLEncoder.encode(here, StandardCharsets.UTF_8);
    }
}
