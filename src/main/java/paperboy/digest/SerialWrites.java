package paperboy.digest;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import paperboy.db.Dialect;

/**
 * The outbox's write transactions. SQLite has one writer: the sender threads of this process take
 * turns (a fair lock) instead of racing for its write lock, so none waits out the busy timeout
 * behind the others; a write that still finds the store busy (another process, or another node on
 * the same file) is tried again with a growing pause for up to {@link #PATIENCE}. Every outbox
 * write is safe to repeat: each update names the state it expects and the sender that holds the
 * row, so a transaction that committed before its busy answer (the SQLite driver opens the next
 * transaction inside {@code commit()}) changes nothing the second time.
 */
final class SerialWrites {
    private static final Logger log = LoggerFactory.getLogger(SerialWrites.class);
    static final Duration PATIENCE = Duration.ofMinutes(2);
    private static final int SQLITE_BUSY = 5;
    private static final int SQLITE_LOCKED = 6;

    private final Jdbi jdbi;
    private final boolean oneWriter;
    private final ReentrantLock turn = new ReentrantLock(true);
    private final Duration patience;

    SerialWrites(Jdbi jdbi, Dialect dialect) {
        this(jdbi, dialect, PATIENCE);
    }

    SerialWrites(Jdbi jdbi, Dialect dialect, Duration patience) {
        this.jdbi = jdbi;
        this.oneWriter = dialect == Dialect.SQLITE;
        this.patience = patience;
    }

    <T> T inTransaction(HandleCallback<T, RuntimeException> work) {
        long deadline = System.nanoTime() + patience.toNanos();
        for (long pause = 10; ; pause = Math.min(1000, pause * 2)) {
            try {
                return once(work);
            } catch (RuntimeException e) {
                if (!isBusy(e) || System.nanoTime() > deadline) {
                    throw e;
                }
                log.debug("digest: the store is busy; writing again in {} ms", pause);
                sleep(pause, e);
            }
        }
    }

    void useTransaction(java.util.function.Consumer<Handle> work) {
        inTransaction(h -> {
            work.accept(h);
            return null;
        });
    }

    private <T> T once(HandleCallback<T, RuntimeException> work) {
        if (!oneWriter) {
            return jdbi.inTransaction(work);
        }
        turn.lock();
        try {
            return jdbi.inTransaction(work);
        } finally {
            turn.unlock();
        }
    }

    /** SQLITE_BUSY or SQLITE_LOCKED (with any extended code), anywhere in the causes. */
    static boolean isBusy(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.sqlite.SQLiteException s) {
                int primary = s.getResultCode().code & 0xff;
                return primary == SQLITE_BUSY || primary == SQLITE_LOCKED;
            }
            if (t instanceof SQLException s && s.getMessage() != null && s.getMessage().startsWith("[SQLITE_BUSY]")) {
                return true;
            }
        }
        return false;
    }

    private static void sleep(long millis, RuntimeException cause) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw cause;
        }
    }
}
