package paperboy.digest;

import java.time.Duration;

/**
 * How a run of the outbox goes about failures.
 *
 * @param threads         sender threads, each with its own connection to the mail server
 * @param firstRetry      the wait after a first temporary failure; it doubles with each further one
 * @param maxRetry        the longest wait between two tries
 * @param retryWithinRun  how long a run stays to retry what failed; what is due later waits for the next run
 * @param maxAttempts     tries before a mail is given up as failed
 * @param giveUpAfter     temporary failures in a row, with no success, after which the run stops
 *                        (the mail server is down: the next run sends)
 * @param lease           how long a claimed row is a sender's; one still sending after that is in doubt
 * @param batch           rows a sender thread claims at once (one write for the lot); a stopped
 *                        sender's claimed rows it never started are due again after one lease
 */
public record SendPolicy(int threads, Duration firstRetry, Duration maxRetry, Duration retryWithinRun, int maxAttempts,
        int giveUpAfter, Duration lease, int batch) {

    public static final SendPolicy DEFAULTS = new SendPolicy(2, Duration.ofSeconds(10), Duration.ofHours(1),
            Duration.ofMinutes(2), 12, 20, Duration.ofMinutes(10), 50);

    public SendPolicy {
        if (threads < 1 || maxAttempts < 1 || giveUpAfter < 1 || batch < 1) {
            throw new IllegalArgumentException("a send policy needs at least one thread, attempt, failure and row a claim");
        }
        if (lease.compareTo(retryWithinRun) <= 0) {
            throw new IllegalArgumentException("the lease must outlast the retries within a run");
        }
    }

    public SendPolicy withThreads(int n) {
        return new SendPolicy(n, firstRetry, maxRetry, retryWithinRun, maxAttempts, giveUpAfter, lease, batch);
    }

    /** The wait before try {@code attempts + 1}. */
    Duration backoff(int attempts) {
        long factor = 1L << Math.min(20, Math.max(0, attempts - 1));
        Duration wait = firstRetry.multipliedBy(factor);
        return wait.compareTo(maxRetry) > 0 ? maxRetry : wait;
    }
}
