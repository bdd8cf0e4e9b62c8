package paperboy.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Remembers the responses of pages and API lists that are computed from the store alone, keyed by
 * the request and valid for one {@link Version} of the data: any write to the store (on any node)
 * bumps the store's change number, so an entry can never outlive the data it was made from. A hit
 * costs one primary-key read of the change counter instead of the queries and rendering behind the
 * page. Entries are kept per origin (scheme and Host) too. Entries also lapse after five minutes, so a list ranked by age (trending) is recomputed
 * even when nothing is written.
 */
public final class PageCache {
    private static final long LIFETIME_MILLIS = 5 * 60 * 1000;

    private final Supplier<Version> version;
    private final Predicate<Context> shared;
    private final Map<String, Cached> entries;

    /**
     * What a cached page was made from: the store's change number and the change number up to
     * which the index holds vectors (related papers change as the embedder adds them). Kept as a
     * pair because the two numbers move apart: an index rebuilt from scratch starts its vectors
     * again from zero, so a sum could come back to a value it had before.
     */
    public record Version(long storeChangeNo, long vectorChangeNo) {}

    /** For responses that are the same for every visitor. */
    public PageCache(Supplier<Version> version, int capacity) {
        this(version, capacity, ctx -> true);
    }

    /**
     * @param shared whether this request's response may be shared with other visitors: false for a
     *               logged-in member, whose pages carry their name and CSRF token. Such a request is
     *               neither answered from the cache nor stored in it.
     */
    public PageCache(Supplier<Version> version, int capacity, Predicate<Context> shared) {
        this.version = version;
        this.shared = shared;
        this.entries = new LinkedHashMap<>(capacity, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
                return size() > capacity;
            }
        };
    }

    private record Cached(Version version, long madeAt, String contentType, byte[] body, Map<String, String> headers) {}

    /** Wraps a handler whose answer depends only on the request and the store. */
    public Handler of(Handler handler) {
        return ctx -> {
            if (!shared.test(ctx)) {
                handler.handle(ctx);
                return;
            }
            // The origin is part of the key: pages carry absolute links built from the request's Host
            // when no base URL is configured, and one Host's page must never be served to another.
            String key = ctx.scheme() + "://" + ctx.host() + ctx.path() + "?" + (ctx.queryString() == null ? "" : ctx.queryString());
            Version now = version.get();
            Cached hit = lookup(key, now);
            if (hit != null) {
                hit.headers().forEach(ctx::header);
                ctx.contentType(hit.contentType()).result(hit.body());
                return;
            }
            handler.handle(ctx);
            if (ctx.status().getCode() == 200 && ctx.resultInputStream() != null) {
                byte[] body = read(ctx.resultInputStream());
                Map<String, String> headers = ctx.res().getHeader("Link") == null
                        ? Map.of() : Map.of("Link", ctx.res().getHeader("Link"));
                store(key, new Cached(now, System.currentTimeMillis(), ctx.res().getContentType(), body, headers));
                ctx.result(body);
            }
        };
    }

    private synchronized Cached lookup(String key, Version now) {
        Cached entry = entries.get(key);
        boolean fresh = entry != null && entry.version().equals(now)
                && System.currentTimeMillis() - entry.madeAt() < LIFETIME_MILLIS;
        return fresh ? entry : null;
    }

    private synchronized void store(String key, Cached entry) {
        entries.put(key, entry);
    }

    private static byte[] read(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot buffer a response", e);
        }
    }
}
