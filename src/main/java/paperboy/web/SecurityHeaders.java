package paperboy.web;

import io.javalin.http.Context;
import java.util.Map;

/**
 * Headers every response carries: no framing, no MIME sniffing, scripts and styles only from this
 * origin's files (no inline script, no {@code on*=} attribute: page scripts live in
 * {@code /static/paperboy.js}), images also from https and data URLs.
 */
final class SecurityHeaders {
    static final Map<String, String> ALL = Map.of(
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY",
            "Referrer-Policy", "strict-origin-when-cross-origin",
            "Content-Security-Policy", "default-src 'self'; img-src 'self' https: data:; "
                    + "style-src 'self'; script-src 'self'; frame-ancestors 'none'");

    private SecurityHeaders() {}

    static void apply(Context ctx) {
        ALL.forEach(ctx::header);
    }
}
