package paperboy.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import paperboy.db.Database;
import paperboy.db.StoreTest;
import paperboy.db.StoreUrl;

/**
 * The daily schedule's arithmetic, the claim that makes several nodes run a job once, and how a
 * job stops (SQLite and PostgreSQL).
 */
class DailyJobTest {
    private static final DailySchedule AT_TWO = new DailySchedule(LocalTime.of(2, 0));
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-05T12:00:00Z"), ZoneOffset.UTC);
    /** The first run of a job started at this time is due a moment later. */
    private static final Clock JUST_BEFORE_TWO = Clock.fixed(Instant.parse("2026-01-05T01:59:59.990Z"), ZoneOffset.UTC);

    @Test
    void theNextRunIsTodayWhenItsTimeHasNotComeElseTomorrow() {
        assertThat(AT_TWO.nextRun(Instant.parse("2026-01-05T01:59:59Z"))).isEqualTo(Instant.parse("2026-01-05T02:00:00Z"));
        assertThat(AT_TWO.nextRun(Instant.parse("2026-01-05T02:00:00Z"))).isEqualTo(Instant.parse("2026-01-06T02:00:00Z"));
        assertThat(AT_TWO.nextRun(Instant.parse("2026-01-05T12:00:00Z"))).isEqualTo(Instant.parse("2026-01-06T02:00:00Z"));
        assertThat(AT_TWO.nextRun(Instant.parse("2026-12-31T23:30:00Z"))).isEqualTo(Instant.parse("2027-01-01T02:00:00Z"));
        assertThat(DailySchedule.dayOf(Instant.parse("2027-01-01T02:00:00Z"))).isEqualTo(LocalDate.of(2027, 1, 1));
    }

    @StoreTest
    void ofTwoNodesClaimingTheSameDayOneWins(Database a, StoreUrl store) {
        try (Database b = Database.open(store.value())) {
            var nodeA = new JobRuns(a.jdbi(), CLOCK);
            var nodeB = new JobRuns(b.jdbi(), CLOCK);
            LocalDate day = LocalDate.of(2026, 1, 5);

            assertThat(nodeA.claim("harvest", day, "a")).isTrue();
            assertThat(nodeB.claim("harvest", day, "b")).isFalse();
            assertThat(nodeA.claim("harvest", day, "a")).isFalse();
            assertThat(nodeB.claim("harvest", day.plusDays(1), "b")).isTrue();
            assertThat(nodeB.claim("digest", day, "b")).isTrue();
        }
    }

    @StoreTest
    void aJobRunsOnceADayWhicheverNodeAsks(Database a, StoreUrl store) {
        try (Database b = Database.open(store.value())) {
            var runs = new AtomicInteger();
            var jobA = new DailyJob("harvest", AT_TWO, new JobRuns(a.jdbi(), CLOCK), CLOCK, stop -> runs.incrementAndGet());
            var jobB = new DailyJob("harvest", AT_TWO, new JobRuns(b.jdbi(), CLOCK), CLOCK, stop -> runs.incrementAndGet());
            LocalDate day = LocalDate.of(2026, 1, 5);

            assertThat(jobA.runIfClaimed(day)).isTrue();
            assertThat(jobB.runIfClaimed(day)).isFalse();
            assertThat(runs).hasValue(1);
        }
    }

    @StoreTest
    void aFailingRunStillCountsAsTheDaysRun(Database a) {
        var job = new DailyJob("harvest", AT_TWO, new JobRuns(a.jdbi(), CLOCK), CLOCK, stop -> {
            throw new java.io.IOException("arXiv is down");
        });

        assertThat(job.runIfClaimed(LocalDate.of(2026, 1, 5))).isTrue();
        assertThat(job.runIfClaimed(LocalDate.of(2026, 1, 5))).isFalse();
    }

    @StoreTest
    void closeAsksARunToStopAndWaitsForItWithoutInterruptingIt(Database a) throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        AtomicBoolean ended = new AtomicBoolean();
        var job = new DailyJob("harvest", AT_TWO, new JobRuns(a.jdbi(), JUST_BEFORE_TWO), JUST_BEFORE_TWO, stop -> {
            started.countDown();
            try {
                while (!stop.getAsBoolean()) { // steps of work, each checking whether to go on
                    Thread.sleep(5);
                }
                Thread.sleep(50); // finishing the step in progress (e.g. an index commit)
            } catch (InterruptedException e) {
                interrupted.set(true); // what Lucene would have taken as "close the files"
            }
            ended.set(true);
        });
        job.start();
        assertThat(started.await(1, TimeUnit.MINUTES)).isTrue();

        job.close(Duration.ofMinutes(1));

        assertThat(interrupted).isFalse();
        assertThat(ended).isTrue();
    }

    @StoreTest
    void aRunThatDoesNotStopIsLeftRunningOnceTheWaitIsOver(Database a) throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean ended = new AtomicBoolean();
        var job = new DailyJob("harvest", AT_TWO, new JobRuns(a.jdbi(), JUST_BEFORE_TWO), JUST_BEFORE_TWO, stop -> {
            started.countDown();
            release.await(); // one long step that does not look at stop
            ended.set(true);
        });
        job.start();
        assertThat(started.await(1, TimeUnit.MINUTES)).isTrue();

        job.close(Duration.ofMillis(100));

        assertThat(ended).isFalse();
        release.countDown();
    }
}
