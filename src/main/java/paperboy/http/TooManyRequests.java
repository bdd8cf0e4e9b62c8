package paperboy.http;

import java.time.Duration;

/**
 * A 429: the client did something too often ({@link Throttle}). Pages and the API answer it with
 * {@code Retry-After} in whole seconds.
 */
public final class TooManyRequests extends RuntimeException {
    private final Duration retryAfter;

    public TooManyRequests(String what, Duration retryAfter) {
        super("Too many requests (" + what + "); try again in " + seconds(retryAfter) + " s.");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** Whole seconds, at least 1, for the {@code Retry-After} header. */
    public long retryAfterSeconds() {
        return seconds(retryAfter);
    }

    private static long seconds(Duration d) {
        return Math.max(1, (d.toMillis() + 999) / 1000);
    }
}
