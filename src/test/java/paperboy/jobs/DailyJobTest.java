package paperboy.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import paperboy.db.Database;
import paperboy.db.StoreTest;
import paperboy.db.StoreUrl;

/** The daily schedule's arithmetic and the claim that makes several nodes run a job once (SQLite and PostgreSQL). */
class DailyJobTest {
    private static final DailySchedule AT_TWO = new DailySchedule(LocalTime.of(2, 0));
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-05T12:00:00Z"), ZoneOffset.UTC);

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
            var jobA = new DailyJob("harvest", AT_TWO, new JobRuns(a.jdbi(), CLOCK), CLOCK, runs::incrementAndGet);
            var jobB = new DailyJob("harvest", AT_TWO, new JobRuns(b.jdbi(), CLOCK), CLOCK, runs::incrementAndGet);
            LocalDate day = LocalDate.of(2026, 1, 5);

            assertThat(jobA.runIfClaimed(day)).isTrue();
            assertThat(jobB.runIfClaimed(day)).isFalse();
            assertThat(runs).hasValue(1);
        }
    }

    @StoreTest
    void aFailingRunStillCountsAsTheDaysRun(Database a) {
        var job = new DailyJob("harvest", AT_TWO, new JobRuns(a.jdbi(), CLOCK), CLOCK, () -> {
            throw new java.io.IOException("arXiv is down");
        });

        assertThat(job.runIfClaimed(LocalDate.of(2026, 1, 5))).isTrue();
        assertThat(job.runIfClaimed(LocalDate.of(2026, 1, 5))).isFalse();
    }
}
