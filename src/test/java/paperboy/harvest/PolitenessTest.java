package paperboy.harvest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PolitenessTest {
    private static final String WHAT = "http://fake/oai?verb=ListRecords";
    private final FakeTime time = new FakeTime();

    private Politeness politeness(Duration minDelay, RetryPolicy policy) {
        return new Politeness(minDelay, policy, time, time, new Random(7));
    }

    private static RetryPolicy policy(int maxAttempts) {
        return new RetryPolicy(maxAttempts, Duration.ofSeconds(1), Duration.ofSeconds(4), 3, Duration.ofSeconds(60));
    }

    private static ArxivHttpException http(int status, String retryAfter) {
        return new ArxivHttpException(URI.create(WHAT), status, retryAfter, "");
    }

    /** An attempt that throws the given failures in turn, then answers "ok". */
    private static Politeness.Attempt<String> failing(List<IOException> failures, AtomicInteger attempts) {
        return () -> {
            int n = attempts.getAndIncrement();
            if (n < failures.size()) {
                throw failures.get(n);
            }
            return "ok";
        };
    }

    @Test
    void requestStartsAreAtLeastTheDelayApart() throws IOException {
        Politeness p = politeness(Duration.ofSeconds(3), policy(1));

        p.call(WHAT, () -> "first");
        p.call(WHAT, () -> "second");
        time.sleep(Duration.ofSeconds(5)); // the caller was busy for longer than the delay
        p.call(WHAT, () -> "third");

        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(3), Duration.ofSeconds(5));
    }

    @Test
    void transientFailuresBackOffExponentiallyWithJitterUpToTheCap() throws IOException {
        Politeness p = politeness(Duration.ZERO, policy(6));
        var attempts = new AtomicInteger();
        var failures = List.<IOException>of(new IOException("reset"), http(500, null), http(429, null),
                http(503, null), new java.net.http.HttpTimeoutException("timed out"));

        assertThat(p.call(WHAT, failing(failures, attempts))).isEqualTo("ok");

        assertThat(attempts).hasValue(6);
        List<Duration> sleeps = time.sleeps();
        long[] capped = {1000, 2000, 4000, 4000, 4000};
        assertThat(sleeps).hasSize(5);
        for (int i = 0; i < 5; i++) {
            assertThat(sleeps.get(i).toMillis()).isBetween(capped[i] / 2, capped[i]);
        }
        assertThat(sleeps).as("jitter").doesNotHaveDuplicates();
    }

    @Test
    void givesUpAfterMaxAttemptsNamingTheRequest() {
        Politeness p = politeness(Duration.ofSeconds(3), policy(3));
        var attempts = new AtomicInteger();

        assertThatThrownBy(() -> p.call(WHAT, failing(List.of(http(502, null), http(502, null), http(502, null)), attempts)))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("gave up on " + WHAT + " after 3 attempts: arXiv answered HTTP 502");
        assertThat(attempts).hasValue(3);
    }

    @Test
    void clientErrorsAreNotRetried() {
        Politeness p = politeness(Duration.ofSeconds(3), policy(5));
        var attempts = new AtomicInteger();

        assertThatThrownBy(() -> p.call(WHAT, failing(List.of(http(404, null)), attempts)))
                .isInstanceOf(ArxivHttpException.class);
        assertThat(attempts).hasValue(1);
    }

    @Test
    void retryAfterIsWaitedExactlyAndIsNotAFailure() throws IOException {
        Politeness p = politeness(Duration.ofSeconds(3), policy(1));
        var attempts = new AtomicInteger();

        String answer = p.call(WHAT, failing(List.of(http(503, "10"), http(503, "10")), attempts));

        assertThat(answer).isEqualTo("ok");
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(10), Duration.ofSeconds(10));
    }

    @Test
    void retryAfterAsAnHttpDateWaitsUntilThatTime() throws IOException {
        Politeness p = politeness(Duration.ofSeconds(3), policy(1));
        String in42s = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                time.instant().plusSeconds(42).atZone(java.time.ZoneOffset.UTC));

        p.call(WHAT, failing(List.of(http(503, in42s)), new AtomicInteger()));

        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(42));
    }

    @Test
    void retryAfterIsCappedAndItsCountIsLimited() {
        Politeness p = politeness(Duration.ofSeconds(3), policy(1));
        var day = http(503, "86400");

        assertThatThrownBy(() -> p.call(WHAT, failing(List.of(day, day, day, day), new AtomicInteger())))
                .hasMessageStartingWith("gave up on " + WHAT + " after 3 Retry-After waits");
        assertThat(time.sleeps()).containsExactly(
                Duration.ofSeconds(60), Duration.ofSeconds(60), Duration.ofSeconds(60));
    }

    @Test
    void unusableAnswersAreNotRetried() {
        Politeness p = politeness(Duration.ofSeconds(3), policy(5));
        var attempts = new AtomicInteger();

        assertThatThrownBy(() -> p.call(WHAT, failing(List.of(new ArxivResponseException("malformed")), attempts)))
                .isInstanceOf(ArxivResponseException.class);
        assertThat(attempts).hasValue(1);
    }

    @Test
    void requestsFromSeveralThreadsGoOneAtATime() throws Exception {
        Politeness p = politeness(Duration.ofSeconds(3), policy(1));
        var inFlight = new AtomicInteger();
        var most = new AtomicInteger();
        Runnable caller = () -> {
            for (int i = 0; i < 20; i++) {
                try {
                    p.call(WHAT, () -> {
                        most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                        Thread.onSpinWait();
                        Thread.yield();
                        inFlight.decrementAndGet();
                        return "ok";
                    });
                } catch (IOException e) {
                    throw new AssertionError(e);
                }
            }
        };
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            threads.add(Thread.ofPlatform().start(caller));
        }
        for (Thread t : threads) {
            t.join();
        }

        assertThat(most).hasValue(1);
        assertThat(time.sleeps()).hasSize(79).containsOnly(Duration.ofSeconds(3));
    }
}
