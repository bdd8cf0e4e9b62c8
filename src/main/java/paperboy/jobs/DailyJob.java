package paperboy.jobs;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a piece of work once a day on a {@link DailySchedule}, on whichever node claims the day
 * first in {@link JobRuns}. A failed run is logged, not retried until the next day: the harvest it
 * drives resumes from its checkpoint then.
 */
public final class DailyJob implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DailyJob.class);

    /** The work; throws to report a failure. */
    @FunctionalInterface
    public interface Work {
        void run() throws Exception;
    }

    private final String name;
    private final DailySchedule schedule;
    private final JobRuns runs;
    private final Clock clock;
    private final Work work;
    private final String node = ManagementFactory.getRuntimeMXBean().getName(); // pid@host
    private ScheduledExecutorService timer;

    public DailyJob(String name, DailySchedule schedule, JobRuns runs, Clock clock, Work work) {
        this.name = name;
        this.schedule = schedule;
        this.runs = runs;
        this.clock = clock;
        this.work = work;
    }

    public synchronized void start() {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "job-" + name);
            t.setDaemon(true);
            return t;
        });
        scheduleNext();
    }

    private void scheduleNext() {
        Instant next = schedule.nextRun(clock.instant());
        long delay = Math.max(0, Duration.between(clock.instant(), next).toMillis());
        log.info("{}: next run at {}", name, next);
        timer.schedule(() -> {
            try {
                runIfClaimed(DailySchedule.dayOf(next));
            } catch (RuntimeException e) {
                log.error("{}: could not claim the run for {}", name, DailySchedule.dayOf(next), e);
            } finally {
                scheduleNext();
            }
        }, delay, TimeUnit.MILLISECONDS);
    }

    /** Runs the work for {@code day} if this node claims it; true when it ran (successfully or not). */
    public boolean runIfClaimed(LocalDate day) {
        if (!runs.claim(name, day, node)) {
            log.info("{} for {} is claimed by another node", name, day);
            return false;
        }
        try {
            work.run();
        } catch (Exception e) {
            log.error("{} for {} failed; the next run picks up from where it stopped", name, day, e);
        }
        return true;
    }

    @Override
    public synchronized void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
