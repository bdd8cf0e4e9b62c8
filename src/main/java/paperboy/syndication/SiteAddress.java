package paperboy.syndication;

import io.javalin.http.Context;
import java.net.URI;

/**
 * Where the site is, for the absolute links feeds need (an entry's id and links must be absolute
 * IRIs): the configured {@code PAPERBOY_BASE_URL}, or, without one, the scheme and host the
 * request came to.
 */
public sealed interface SiteAddress {
    /** The site's root without a trailing slash, e.g. {@code https://papers.example.org}. */
    String base(Context ctx);

    /** {@code configured} (already validated, without a trailing slash), or the request's host when null. */
    static SiteAddress of(URI configured) {
        return configured == null ? new FromRequest() : new Fixed(configured.toString());
    }

    /** The address the operator configured, whatever host a request names. */
    record Fixed(String root) implements SiteAddress {
        @Override
        public String base(Context ctx) {
            return root;
        }
    }

    /** The scheme and {@code Host} of each request (Jetty refuses a malformed Host before routing). */
    record FromRequest() implements SiteAddress {
        @Override
        public String base(Context ctx) {
            String host = ctx.host();
            if (host == null || host.isBlank()) { // HTTP/1.0 sends no Host
                host = ctx.req().getServerName() + ":" + ctx.req().getServerPort();
            }
            return ctx.scheme() + "://" + host;
        }
    }
}
