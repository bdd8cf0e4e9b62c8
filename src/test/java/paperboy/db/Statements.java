package paperboy.db;

import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;

/** Counts the statements a store runs: what a piece of code costs in queries, whatever its data. */
public final class Statements implements SqlLogger {
    private final AtomicInteger run = new AtomicInteger();

    private Statements() {}

    /** Counts every statement of handles opened on {@code jdbi} from now on. */
    public static Statements countedOn(Jdbi jdbi) {
        Statements statements = new Statements();
        jdbi.setSqlLogger(statements);
        return statements;
    }

    /** How many statements {@code work} ran. */
    public int during(Runnable work) {
        int before = run.get();
        work.run();
        return run.get() - before;
    }

    @Override
    public void logAfterExecution(StatementContext context) {
        run.incrementAndGet();
    }
}
