package paperboy.http;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.Objects;

/**
 * A rate limit kept per key (a client address, an account, an email address): a Bucket4j token
 * bucket per key that holds {@code capacity} actions and refills them evenly over {@code period}.
 * Buckets live in a bounded Caffeine cache that forgets a key once its bucket would be full again,
 * so a flood of new keys cannot grow the heap. Limits are per process: behind several nodes each
 * counts on its own (docs/ARCHITECTURE.md, Rate limits).
 *
 * <p>{@link #off()} never refuses (tests of other rules, and operators who limit at a proxy).
 */
public final class Throttle {
    private static final long MAX_KEYS = 100_000;

    private final String name;
    private final long capacity;
    private final Duration period;
    private final Cache<String, Bucket> buckets; // null only in OFF, which never looks

    /**
     * @param name     what is limited, for messages and metrics ("logins per address")
     * @param capacity actions allowed in a burst
     * @param period   time in which a spent bucket refills completely
     */
    public Throttle(String name, long capacity, Duration period) {
        if (capacity < 1 || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("a throttle needs a capacity of at least 1 and a positive period");
        }
        this.name = name;
        this.capacity = capacity;
        this.period = period;
        this.buckets = Caffeine.newBuilder().maximumSize(MAX_KEYS).expireAfterAccess(period).build();
    }

    private static final Throttle OFF = new Throttle();

    private Throttle() {
        this.name = "off";
        this.capacity = Long.MAX_VALUE;
        this.period = Duration.ZERO;
        this.buckets = null;
    }

    /** A throttle that lets everything through. */
    public static Throttle off() {
        return OFF;
    }

    public String name() {
        return name;
    }

    /**
     * Takes one action for {@code key}: empty when allowed, or how long until the next one would
     * be allowed.
     */
    public Refusal take(String key) {
        Objects.requireNonNull(key, "key");
        if (this == OFF) {
            return Refusal.NONE;
        }
        ConsumptionProbe probe = buckets.get(key, k -> newBucket()).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Refusal.NONE : new Refusal(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    /** Like {@link #take}, but throws a 429 {@link TooManyRequests} when refused. */
    public void takeOrRefuse(String key) {
        Refusal refusal = take(key);
        if (refusal.refused()) {
            throw new TooManyRequests(name, refusal.retryAfter());
        }
    }

    /** Forgets {@code key}'s spending (a successful login clears the failures counted against it). */
    public void reset(String key) {
        if (this != OFF) {
            buckets.invalidate(key);
        }
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, period).build())
                .build();
    }

    /** Whether an action was refused, and for how long. */
    public record Refusal(Duration retryAfter) {
        static final Refusal NONE = new Refusal(Duration.ZERO);

        public boolean refused() {
            return !retryAfter.isZero();
        }

        /** Whole seconds for a {@code Retry-After} header, at least 1. */
        public long retryAfterSeconds() {
            return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        }
    }
}
