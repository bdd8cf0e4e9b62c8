package paperboy.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jdbi.v3.core.Jdbi;
import paperboy.db.Database;
import paperboy.db.Dialect;
import paperboy.mail.Mail;
import paperboy.subscription.Frequency;

/**
 * SQLite's one writer held by someone else (another process, another node on the same file) for
 * longer than the store's busy timeout: the outbox's writes wait their turn and nothing is lost
 * or sent twice.
 */
class SerialWritesTest {

    /** Takes the store's write lock on a connection of its own and keeps it for {@code millis}. */
    private static CompletableFuture<Void> holdTheWriteLock(Path file, long millis, CountDownLatch taken) {
        return CompletableFuture.runAsync(() -> {
            try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = other.createStatement()) {
                s.execute("BEGIN IMMEDIATE");
                taken.countDown();
                Thread.sleep(millis);
                s.execute("COMMIT");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** One connection that answers busy after 100 ms (the store's pool waits 10 s). */
    @Test
    void aWriteThatFindsTheStoreBusyIsTriedAgainUntilTheOtherWriterIsDone(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("busy.db");
        try (Connection own = DriverManager.getConnection("jdbc:sqlite:" + file + "?busy_timeout=100")) {
            Jdbi jdbi = Jdbi.create(own);
            jdbi.useHandle(h -> h.execute("CREATE TABLE busy_probe (x INTEGER)"));
            SerialWrites impatient = new SerialWrites(jdbi, Dialect.SQLITE, Duration.ZERO);
            SerialWrites patient = new SerialWrites(jdbi, Dialect.SQLITE);

            CountDownLatch taken = new CountDownLatch(1);
            CompletableFuture<Void> other = holdTheWriteLock(file, 1500, taken);
            taken.await();
            assertThatThrownBy(() -> impatient.useTransaction(h -> h.execute("INSERT INTO busy_probe VALUES (1)")))
                    .satisfies(e -> assertThat(SerialWrites.isBusy(e)).as("busy: %s", e).isTrue());
            patient.useTransaction(h -> h.execute("INSERT INTO busy_probe VALUES (2)"));
            other.get();

            List<Integer> written = jdbi.withHandle(h -> h.createQuery("SELECT x FROM busy_probe").mapTo(Integer.class).list());
            assertThat(written).containsExactly(2);
        }
    }

    /** The store's own busy timeout (10 s) outwaited: the lock is held a second longer. */
    @Test
    void aSendWhileAnotherWriterHoldsTheStoreLongerThanItsBusyTimeoutSendsEveryoneOnce(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("digest.db");
        Recorder mail = new Recorder(DigestWorld.files(dir));
        try (Database db = Database.open("jdbc:sqlite:" + file);
                DigestWorld world = new DigestWorld(db, dir, mail).featuredOnMonday("Attention")) {
            world.readers(12);
            world.digests().prepare(DigestWorld.TUESDAY, Frequency.DAILY);
            int busyTimeout = db.jdbi().withHandle(h -> h.createQuery("PRAGMA busy_timeout").mapTo(Integer.class).one());

            CountDownLatch taken = new CountDownLatch(1);
            CompletableFuture<Void> other = holdTheWriteLock(file, busyTimeout + 1000L, taken);
            taken.await();
            SendReport report = world.digests().send(DigestWorld.FAST.withThreads(2), () -> false);
            other.get();

            Map<String, Long> copies = mail.delivered().stream().collect(Collectors.groupingBy(m -> m.to().email(), Collectors.counting()));
            assertThat(report.sent()).isEqualTo(12);
            assertThat(report.waiting()).isZero();
            assertThat(copies).hasSize(12).allSatisfy((to, n) -> assertThat(n).isEqualTo(1));
            assertThat(mail.delivered().stream().map(Mail::messageId).distinct()).hasSize(12);
            assertThat(List.of(report.inDoubt(), report.failed(), report.retried())).containsOnly(0);
        }
    }
}
