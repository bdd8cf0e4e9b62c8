package paperboy.http;

import io.javalin.http.Context;
import java.net.URI;

/**
 * Where the site is, for the absolute links a page or file must carry (sitemap, canonical,
 * OpenGraph): the configured {@code PAPERBOY_BASE_URL}, or else the scheme and Host the request
 * came with (Jetty has already refused a malformed Host).
 */
public final class SiteUrl {
    private final String configured;

    private SiteUrl(String configured) {
        this.configured = configured;
    }

    /** {@code base} without a trailing slash (as ConfigLoader gives it), or null to follow each request. */
    public static SiteUrl of(URI base) {
        return base == null ? fromRequests() : new SiteUrl(base.toString());
    }

    public static SiteUrl fromRequests() {
        return new SiteUrl(null);
    }

    /** The origin (and path prefix, when configured) that {@code path} is appended to. */
    public String base(Context ctx) {
        if (configured != null) {
            return configured;
        }
        String scheme = ctx.req().getScheme();
        int port = ctx.req().getServerPort();
        boolean defaultPort = port <= 0 || ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
        String host = ctx.req().getServerName();
        if (host.contains(":") && !host.startsWith("[")) {
            host = "[" + host + "]"; // an IPv6 literal
        }
        return scheme + "://" + host + (defaultPort ? "" : ":" + port);
    }

    /** {@code path} (starting with a slash, already escaped) made absolute. */
    public String absolute(Context ctx, String path) {
        return base(ctx) + path;
    }
}
