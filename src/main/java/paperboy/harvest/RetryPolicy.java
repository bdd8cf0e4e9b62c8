package paperboy.harvest;

import java.time.Duration;
import java.util.Objects;

/**
 * When to try an arXiv request again. Transient failures (I/O errors, timeouts, 429, 5xx) are
 * retried up to {@code maxAttempts} in all, waiting {@code firstBackoff} doubled per failure, capped
 * at {@code maxBackoff}, with jitter. A 503 with Retry-After is arXiv's flow control, not a failure:
 * it is honoured up to {@code maxFlowControlWaits} times, each wait capped at {@code maxRetryAfter}.
 */
public record RetryPolicy(
        int maxAttempts,
        Duration firstBackoff,
        Duration maxBackoff,
        int maxFlowControlWaits,
        Duration maxRetryAfter) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        if (maxFlowControlWaits < 0) {
            throw new IllegalArgumentException("maxFlowControlWaits must not be negative");
        }
        requirePositive(firstBackoff, "firstBackoff");
        requirePositive(maxBackoff, "maxBackoff");
        requirePositive(maxRetryAfter, "maxRetryAfter");
    }

    /** Five attempts, 5 s doubling to at most 5 min; up to 20 Retry-After waits of at most 10 min. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(5, Duration.ofSeconds(5), Duration.ofMinutes(5), 20, Duration.ofMinutes(10));
    }

    /**
     * The wait before attempt {@code failures + 1}: half the capped exponential delay plus a random
     * part up to the other half ("equal jitter"), so clients that failed together spread out.
     *
     * @param failures how many attempts have failed so far (1 after the first failure)
     * @param random01 a uniform random number in [0, 1)
     */
    Duration backoff(int failures, double random01) {
        long first = firstBackoff.toMillis();
        long cap = maxBackoff.toMillis();
        int doublings = Math.min(failures - 1, 30);
        long exponential = first > cap >> doublings ? cap : Math.min(cap, first << doublings);
        long half = exponential / 2;
        return Duration.ofMillis(exponential - half + (long) (half * random01));
    }

    private static void requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + d);
        }
    }
}
