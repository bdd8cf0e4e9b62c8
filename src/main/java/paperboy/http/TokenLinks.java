package paperboy.http;

import io.javalin.http.Context;

/** What the pages that a mail's token link opens share. */
public final class TokenLinks {
    private TokenLinks() {}

    /** The token is in this page's address: no other site may be sent it as a referrer, and no cache may keep the page. */
    public static void keepPrivate(Context ctx) {
        ctx.header("Referrer-Policy", "no-referrer").header("Cache-Control", "private, no-store");
    }
}
