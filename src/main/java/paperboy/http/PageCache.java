package paperboy.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Remembers the responses of pages and API lists that are computed from the store alone, keyed by
 * the request and valid for one {@link Version} of the data: any write to the store (on any node)
 * bumps the store's change number, so an entry can never outlive the data it was made from (the
 * number comes from memory: this process's writes are seen as they commit, other writers' within
 * {@code PaperStore.CHANGE_POLL}). A hit costs a map lookup instead of the queries and rendering
 * behind the page. Entries are kept per origin (scheme and Host) too, and lapse after five minutes
 * (see {@link Remembered}).
 */
public final class PageCache {
    private final Predicate<Context> shared;
    private final Remembered<Cached> entries;

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
        this.shared = shared;
        this.entries = new Remembered<>(version, capacity);
    }

    /**
     * Keeps values made for requests, of the same versions of the data as these pages: for what a
     * page shows every visitor, when the page itself cannot be shared (a member's).
     */
    public <T> Remembered<T> remembering(int capacity) {
        return new Remembered<>(entries::version, capacity);
    }

    private record Cached(String contentType, byte[] body, Map<String, String> headers) {}

    /** Wraps a handler whose answer depends only on the request and the store. */
    public Handler of(Handler handler) {
        return ctx -> {
            if (!shared.test(ctx)) {
                handler.handle(ctx);
                return;
            }
            String key = Remembered.key(ctx);
            Version now = entries.version();
            Cached hit = entries.lookup(key, now);
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
                entries.store(key, now, new Cached(ctx.res().getContentType(), body, headers));
                ctx.result(body);
            }
        };
    }

    private static byte[] read(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot buffer a response", e);
        }
    }
}
