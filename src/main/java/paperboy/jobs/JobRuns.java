package paperboy.jobs;

import java.time.Clock;
import java.time.LocalDate;
import org.jdbi.v3.core.Jdbi;

/**
 * Who runs a daily job when several nodes serve the same store: each node tries to insert the row
 * (job, day) into {@code job_runs}; the primary key lets one insert succeed, and that node runs it.
 */
public final class JobRuns {
    private final Jdbi jdbi;
    private final Clock clock;

    public JobRuns(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** True when this node won the run of {@code job} for {@code day} and should do it now. */
    public boolean claim(String job, LocalDate day, String node) {
        return jdbi.inTransaction(h -> h.createUpdate("INSERT INTO job_runs (job, day, node, claimed_at) "
                        + "VALUES (:job, :day, :node, :claimed_at) ON CONFLICT (job, day) DO NOTHING")
                .bind("job", job)
                .bind("day", day.toString())
                .bind("node", node)
                .bind("claimed_at", clock.millis())
                .execute()) == 1;
    }
}
