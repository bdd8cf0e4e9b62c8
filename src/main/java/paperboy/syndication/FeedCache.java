package paperboy.syndication;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import paperboy.http.Conditional;
import paperboy.http.HttpDates;
import paperboy.http.SiteUrl;

/**
 * Feed responses kept per address and version of the data behind them, with the validators that
 * let a reader polling every few minutes ask "anything new?" for the price of a lookup: a weak
 * {@code ETag} from the body's hash, {@code Last-Modified} from when this body was first made,
 * {@code Cache-Control}, and {@code 304 Not Modified} for a matching {@code If-None-Match} or a
 * recent enough {@code If-Modified-Since}. A new version of the data that renders the same body
 * keeps both validators, so a write that does not touch a feed does not make its readers download
 * it again. Entries lapse after five minutes like the page cache's (trending ages without writes).
 */
final class FeedCache {
    static final Duration LIFETIME = Duration.ofMinutes(5);
    static final String CACHE_CONTROL = "public, max-age=300";

    private final SiteUrl site;
    private final Clock clock;
    private final Map<String, Kept> entries;

    /** What a feed was made from: the store's change number and the index's keyword and vector positions (0 when unused). */
    record Version(long store, long index, long vectors) {}

    /** A rendered feed, and whether it may be kept (a search that ran out of time may not). */
    record Made(byte[] body, boolean keep) {}

    /** Makes the feed a request asks for, with every address absolute from {@code base}. */
    @FunctionalInterface
    interface Maker {
        Made make(Context ctx, String base) throws Exception;
    }

    private record Kept(Version version, Instant madeAt, byte[] body, String etag, Instant lastModified) {}

    FeedCache(SiteUrl site, Clock clock, int capacity) {
        this.site = site;
        this.clock = clock;
        this.entries = new LinkedHashMap<>(capacity, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Kept> eldest) {
                return size() > capacity;
            }
        };
    }

    Handler of(FeedFormat format, Supplier<Version> version, Maker maker) {
        return ctx -> {
            String base = site.base(ctx);
            String key = base + ctx.path() + "?" + (ctx.queryString() == null ? "" : ctx.queryString());
            Version now = version.get();
            Kept kept = lookup(key);
            if (kept == null || !kept.version().equals(now) || kept.madeAt().plus(LIFETIME).isBefore(clock.instant())) {
                Made made = maker.make(ctx, base);
                kept = keep(made.body(), now, kept);
                if (made.keep()) {
                    store(key, kept);
                }
            }
            answer(ctx, format, kept);
        };
    }

    /** The body as kept, with the validators of {@code before} when it is the same body. */
    private Kept keep(byte[] body, Version version, Kept before) {
        String etag = etag(body);
        Instant now = clock.instant();
        Instant lastModified = before != null && before.etag().equals(etag)
                ? before.lastModified()
                : now.truncatedTo(ChronoUnit.SECONDS); // HTTP dates have whole seconds
        return new Kept(version, now, body, etag, lastModified);
    }

    private static void answer(Context ctx, FeedFormat format, Kept kept) {
        ctx.header("ETag", kept.etag());
        ctx.header("Last-Modified", HttpDates.format(kept.lastModified()));
        ctx.header("Cache-Control", CACHE_CONTROL);
        if (Conditional.notModified(ctx.header("If-None-Match"), ctx.header("If-Modified-Since"), kept.etag(), kept.lastModified())) {
            ctx.status(304);
            return;
        }
        ctx.contentType(format.mediaType() + "; charset=utf-8").result(kept.body());
    }

    /** Weak, because the body may be sent compressed; 128 bits of SHA-256 are plenty to tell two feeds apart. */
    static String etag(byte[] body) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(body);
            return "W/\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(hash, 16)) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private synchronized Kept lookup(String key) {
        return entries.get(key);
    }

    private synchronized void store(String key, Kept kept) {
        entries.put(key, kept);
    }
}
