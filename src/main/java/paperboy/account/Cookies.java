package paperboy.account;

import io.javalin.http.Context;

/**
 * The two cookies accounts set: {@value #SESSION} (a session id) and {@value #CSRF} (the random
 * value an anonymous visitor's CSRF token is bound to). Both {@code HttpOnly} (no script reads
 * them), {@code SameSite=Lax} (not sent on another site's posts), {@code Path=/}, and
 * {@code Secure} when the site's address is https. Written as headers by hand so every attribute
 * is the one asked for.
 */
final class Cookies {
    static final String SESSION = "pb_session";
    static final String CSRF = "pb_csrf";

    private final boolean secure;

    Cookies(boolean secure) {
        this.secure = secure;
    }

    /** Sets a cookie that lives {@code maxAgeSeconds} (or for the browser session when negative). */
    void set(Context ctx, String name, String value, long maxAgeSeconds) {
        StringBuilder cookie = new StringBuilder(name).append('=').append(value).append("; Path=/");
        if (maxAgeSeconds >= 0) {
            cookie.append("; Max-Age=").append(maxAgeSeconds);
        }
        cookie.append("; HttpOnly; SameSite=Lax");
        if (secure) {
            cookie.append("; Secure");
        }
        ctx.res().addHeader("Set-Cookie", cookie.toString());
    }

    void clear(Context ctx, String name) {
        set(ctx, name, "", 0);
    }

    static String read(Context ctx, String name) {
        String value = ctx.cookie(name);
        return value == null || value.isEmpty() ? null : value;
    }
}
