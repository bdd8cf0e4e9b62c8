package paperboy.jobs;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a piece of work once a day on a {@link DailySchedule}, on whichever node claims the day
 * first in {@link JobRuns}. A failed run is logged, not retried until the next day: the harvest it
 * drives resumes from its checkpoint then. {@link #close(Duration)} asks a run in progress to stop
 * and waits for it, and never interrupts it: the work may be inside Lucene, where an interrupt
 * closes the index's files under its writer.
 */
public final class DailyJob {
    private static final Logger log = LoggerFactory.getLogger(DailyJob.class);

    /**
     * The work; throws to report a failure. {@code stopRequested} turns true when the job is being
     * closed: work of several steps checks it between them and returns early.
     */
    @FunctionalInterface
    public interface Work {
        void run(BooleanSupplier stopRequested) throws Exception;
    }

    private final String name;
    private final DailySchedule schedule;
    private final JobRuns runs;
    private final Clock clock;
    private final Work work;
    private final String node = ManagementFactory.getRuntimeMXBean().getName(); // pid@host
    private ScheduledThreadPoolExecutor timer;
    private volatile boolean stopping;

    public DailyJob(String name, DailySchedule schedule, JobRuns runs, Clock clock, Work work) {
        this.name = name;
        this.schedule = schedule;
        this.runs = runs;
        this.clock = clock;
        this.work = work;
    }

    public synchronized void start() {
        timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "job-" + name);
            t.setDaemon(true);
            return t;
        });
        timer.setExecuteExistingDelayedTasksAfterShutdownPolicy(false); // closing drops the next day's run
        scheduleNext();
    }

    private synchronized void scheduleNext() {
        if (stopping) {
            return;
        }
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
        if (stopping) {
            return false;
        }
        if (!runs.claim(name, day, node)) {
            log.info("{} for {} is claimed by another node", name, day);
            return false;
        }
        try {
            work.run(() -> stopping);
        } catch (Exception e) {
            log.error("{} for {} failed; the next run picks up from where it stopped", name, day, e);
        }
        return true;
    }

    /**
     * Asks a run in progress to stop, cancels the next, and waits up to {@code wait} for the run to
     * end. A run still going after that is left to end with the JVM, which is safe: the harvest
     * resumes from its last stored page, the index from its last commit.
     */
    public void close(Duration wait) throws InterruptedException {
        ScheduledThreadPoolExecutor running;
        synchronized (this) {
            stopping = true;
            running = timer;
        }
        if (running == null) {
            return;
        }
        running.shutdown();
        if (!running.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS)) {
            log.warn("{}: the run in progress did not stop within {}; it ends with the process", name, wait);
        }
    }
}
