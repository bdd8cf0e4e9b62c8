package paperboy.http;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What was made from the store for one request, kept for one {@link PageCache.Version} of the data
 * and at most five minutes (so a list ranked by age, trending, is made again even when nothing is
 * written), the least recently used dropped beyond {@code capacity}. {@link PageCache} keeps whole
 * responses in one; the list pages keep there what they show every visitor, to add a member's own
 * upvotes to.
 */
public final class Remembered<T> {
    private static final long LIFETIME_MILLIS = 5 * 60 * 1000;

    private final Supplier<PageCache.Version> version;
    private final Map<String, Kept<T>> entries;

    private record Kept<T>(PageCache.Version version, long madeAt, T value) {}

    public Remembered(Supplier<PageCache.Version> version, int capacity) {
        this.version = version;
        this.entries = new LinkedHashMap<>(capacity, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Kept<T>> eldest) {
                return size() > capacity;
            }
        };
    }

    /**
     * The key of a request: its origin (scheme and Host: pages carry absolute links built from the
     * Host when no base URL is configured, and one Host's page must never be served to another),
     * path and query.
     */
    public static String key(Context ctx) {
        return ctx.scheme() + "://" + ctx.host() + ctx.path() + "?" + (ctx.queryString() == null ? "" : ctx.queryString());
    }

    /** The value kept under {@code key} if it is of the data's current version, else {@code make}'s, kept. */
    public T get(String key, Supplier<T> make) {
        PageCache.Version now = version.get();
        T hit = lookup(key, now);
        if (hit != null) {
            return hit;
        }
        T made = make.get();
        if (made != null) {
            store(key, now, made);
        }
        return made;
    }

    /** The value kept under {@code key} if it is of the data's version {@code now}; null when none is. */
    T lookup(String key, PageCache.Version now) {
        synchronized (entries) {
            Kept<T> entry = entries.get(key);
            boolean fresh = entry != null && entry.version().equals(now)
                    && System.currentTimeMillis() - entry.madeAt() < LIFETIME_MILLIS;
            return fresh ? entry.value() : null;
        }
    }

    /** Keeps {@code value}, made from the data's version {@code made}. */
    void store(String key, PageCache.Version made, T value) {
        synchronized (entries) {
            entries.put(key, new Kept<>(made, System.currentTimeMillis(), value));
        }
    }

    PageCache.Version version() {
        return version.get();
    }
}
