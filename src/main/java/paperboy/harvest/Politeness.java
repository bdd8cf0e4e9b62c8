package paperboy.harvest;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one pacer for every request Paperboy sends to arXiv (OAI-PMH and the API share it): requests
 * go one at a time, starts at least {@code minDelay} apart (arXiv asks for 3 s), transient failures
 * are retried with capped exponential backoff and jitter, and a 503 with Retry-After waits exactly
 * as long as arXiv asks. Time comes from a {@link Clock} and waiting from a {@link Sleeper}, so tests
 * run on a fake clock without sleeping.
 */
public final class Politeness {
    private static final Logger log = LoggerFactory.getLogger(Politeness.class);

    /** One attempt at a request; throws on failure so that {@link Politeness} can judge it. */
    @FunctionalInterface
    public interface Attempt<T> {
        T send() throws IOException;
    }

    private final Duration minDelay;
    private final RetryPolicy retry;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Random random;
    // Held for a whole call, retries included, so nobody else hits arXiv while it asks us to wait.
    private final ReentrantLock oneAtATime = new ReentrantLock(true);
    private Instant nextStart = Instant.EPOCH; // guarded by oneAtATime

    public Politeness(Duration minDelay, RetryPolicy retry, Clock clock, Sleeper sleeper, Random random) {
        Objects.requireNonNull(minDelay, "minDelay");
        if (minDelay.isNegative()) {
            throw new IllegalArgumentException("the delay between arXiv requests must not be negative");
        }
        this.minDelay = minDelay;
        this.retry = Objects.requireNonNull(retry, "retry");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** Real time, real sleeping, default retries: what production uses. */
    public Politeness(Duration minDelay) {
        this(minDelay, RetryPolicy.defaults(), Clock.systemUTC(), Sleeper.system(), new Random());
    }

    /**
     * Sends {@code attempt} when its turn comes, retrying as the policy allows.
     *
     * @param what names the request (its URL) in log lines and error messages
     */
    public <T> T call(String what, Attempt<T> attempt) throws IOException {
        try {
            oneAtATime.lockInterruptibly();
        } catch (InterruptedException e) {
            throw interrupted(what, e);
        }
        try {
            return callInTurn(what, attempt);
        } finally {
            oneAtATime.unlock();
        }
    }

    private <T> T callInTurn(String what, Attempt<T> attempt) throws IOException {
        int failures = 0;
        int flowControlWaits = 0;
        while (true) {
            waitForTurn(what);
            nextStart = clock.instant().plus(minDelay);
            try {
                return attempt.send();
            } catch (IOException e) {
                Optional<Duration> askedWait = flowControl(e);
                if (askedWait.isPresent()) {
                    if (++flowControlWaits > retry.maxFlowControlWaits()) {
                        throw new IOException("gave up on " + what + " after " + retry.maxFlowControlWaits()
                                + " Retry-After waits: " + e.getMessage(), e);
                    }
                    Duration wait = min(askedWait.get(), retry.maxRetryAfter());
                    log.info("arXiv asked us to retry after {} s: {}", wait.toSeconds(), what);
                    postpone(wait);
                    continue;
                }
                if (!isTransient(e)) {
                    throw e;
                }
                if (++failures >= retry.maxAttempts()) {
                    throw new IOException("gave up on " + what + " after " + failures + " attempts: "
                            + e.getMessage(), e);
                }
                Duration backoff = retry.backoff(failures, random.nextDouble());
                log.warn("attempt {} of {} failed, retrying in {} ms: {}",
                        failures, retry.maxAttempts(), backoff.toMillis(), e.getMessage());
                postpone(backoff);
            }
        }
    }

    /** The wait a 503 + Retry-After asks for; empty for every other failure. */
    private Optional<Duration> flowControl(IOException e) {
        if (e instanceof ArxivHttpException http && http.status() == 503) {
            return RetryAfter.parse(http.retryAfter(), clock.instant());
        }
        return Optional.empty();
    }

    private static boolean isTransient(IOException e) {
        return switch (e) {
            case ArxivHttpException http -> http.isTransient();
            case ArxivResponseException unusable -> false;
            default -> true; // connection refused or reset, timeout, truncated body
        };
    }

    private void postpone(Duration wait) {
        Instant after = clock.instant().plus(wait);
        if (after.isAfter(nextStart)) {
            nextStart = after;
        }
    }

    private void waitForTurn(String what) throws InterruptedIOException {
        Duration wait = Duration.between(clock.instant(), nextStart);
        if (wait.isNegative() || wait.isZero()) {
            return;
        }
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            throw interrupted(what, e);
        }
    }

    private static InterruptedIOException interrupted(String what, InterruptedException e) {
        Thread.currentThread().interrupt();
        var io = new InterruptedIOException("interrupted while waiting to send " + what);
        io.initCause(e);
        return io;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
