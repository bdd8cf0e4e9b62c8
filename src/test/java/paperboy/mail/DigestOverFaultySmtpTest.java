package paperboy.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.io.TempDir;
import paperboy.db.Database;
import paperboy.db.StoreTest;
import paperboy.digest.DigestWorld;
import paperboy.digest.SendReport;
import paperboy.subscription.Frequency;
import paperboy.subscription.Subscriber;

/**
 * The digest's outbox over a real SMTP conversation that goes wrong (the scripted server of the
 * mail tests: GreenMail cannot answer 451 or 550 or hang up after the data), on SQLite and
 * PostgreSQL: a 4xx then success, a 5xx at RCPT, the connection cut after the final dot, and no
 * server at all for a whole run.
 */
class DigestOverFaultySmtpTest {

    @StoreTest
    void a451AtRcptIsRetriedWithinTheRunAndThenAccepted(Database db, @TempDir Path dir) throws Exception {
        try (ScriptedSmtpServer smtp = ScriptedSmtpServer.plain();
                DigestWorld world = new DigestWorld(db, dir, DigestWorld.smtp(smtp.port())).featuredOnMonday("Attention")) {
            smtp.fail(ScriptedSmtpServer.Fault.RECIPIENT_451, ScriptedSmtpServer.Fault.RECIPIENT_451);
            world.readers(1);
            world.digests().prepare(DigestWorld.TUESDAY, Frequency.DAILY);

            SendReport report = world.digests().send(DigestWorld.FAST, () -> false);

            assertThat(report.retried()).isEqualTo(2);
            assertThat(report.sent()).isEqualTo(1);
            assertThat(smtp.accepted()).hasSize(1);
        }
    }

    @StoreTest
    void a550AtRcptFailsTheMailAndMarksTheAddressBouncing(Database db, @TempDir Path dir) throws Exception {
        try (ScriptedSmtpServer smtp = ScriptedSmtpServer.plain();
                DigestWorld world = new DigestWorld(db, dir, DigestWorld.smtp(smtp.port())).featuredOnMonday("Attention")) {
            smtp.fail(ScriptedSmtpServer.Fault.RECIPIENT_550);
            Subscriber gone = world.readers(1).getFirst();
            world.digests().prepare(DigestWorld.TUESDAY, Frequency.DAILY);

            SendReport report = world.digests().send(DigestWorld.FAST, () -> false);

            assertThat(report.failed()).isEqualTo(1);
            assertThat(report.sent()).isZero();
            assertThat(smtp.accepted()).isEmpty();
            Subscriber after = world.subscriptions.store().find(gone.id()).orElseThrow();
            assertThat(after.state()).isEqualTo(Subscriber.State.BOUNCING);
            assertThat(after.bounces()).isEqualTo(1);
        }
    }

    @StoreTest
    void aConnectionCutAfterTheFinalDotIsInDoubtAndResentWithTheSameMessageId(Database db, @TempDir Path dir) throws Exception {
        try (ScriptedSmtpServer smtp = ScriptedSmtpServer.plain();
                DigestWorld world = new DigestWorld(db, dir, DigestWorld.smtp(smtp.port())).featuredOnMonday("Attention")) {
            smtp.fail(ScriptedSmtpServer.Fault.CUT_AFTER_DATA);
            world.readers(2);
            world.digests().prepare(DigestWorld.TUESDAY, Frequency.DAILY);

            SendReport report = world.digests().send(DigestWorld.FAST, () -> false);

            assertThat(report.inDoubt()).isEqualTo(1);
            assertThat(report.sent()).isEqualTo(2);
            assertThat(report.resent()).isEqualTo(1);
            assertThat(smtp.received()).hasSize(3);
            String cut = messageId(smtp.received().get(0));
            assertThat(smtp.accepted().stream().map(DigestOverFaultySmtpTest::messageId)).contains(cut).doesNotHaveDuplicates();
        }
    }

    @StoreTest
    void withNoServerForAWholeRunNothingIsLostAndTheNextRunSendsEverything(Database db, @TempDir Path dir) throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort(); // closed again: nothing listens there
        }
        try (DigestWorld down = new DigestWorld(db, dir, DigestWorld.smtp(port)).featuredOnMonday("Attention");
                ScriptedSmtpServer smtp = ScriptedSmtpServer.plain()) {
            down.readers(5);
            down.digests().prepare(DigestWorld.TUESDAY, Frequency.DAILY);

            SendReport refused = down.digests().send(DigestWorld.FAST, () -> false);
            try (DigestWorld up = new DigestWorld(db, dir, DigestWorld.smtp(smtp.port()))) {
                up.clock.advance(Duration.ofHours(1));
                up.index.catchUp(up.papers);
                SendReport next = up.digests().send(DigestWorld.FAST, () -> false);

                assertThat(refused.sent()).isZero();
                assertThat(refused.serverDown()).isTrue();
                assertThat(refused.waiting()).isEqualTo(5);
                assertThat(next.sent()).isEqualTo(5);
                assertThat(smtp.accepted()).hasSize(5);
            }
        }
    }

    private static String messageId(String message) {
        return message.lines().filter(l -> l.regionMatches(true, 0, "Message-ID:", 0, 11)).findFirst().orElseThrow();
    }
}
