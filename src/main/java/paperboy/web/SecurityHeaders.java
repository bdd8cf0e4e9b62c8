package paperboy.web;

import io.javalin.http.Context;

/** Headers every response carries: no framing, no MIME sniffing, scripts only from this origin or inline. */
final class SecurityHeaders {
    private SecurityHeaders() {}

    static void apply(Context ctx) {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "strict-origin-when-cross-origin");
        ctx.header("Content-Security-Policy", "default-src 'self'; img-src 'self' https: data:; "
                + "style-src 'self'; script-src 'self' 'unsafe-inline'; frame-ancestors 'none'");
    }
}
