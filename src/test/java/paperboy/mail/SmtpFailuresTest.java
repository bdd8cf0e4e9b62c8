package paperboy.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import paperboy.mail.Delivery.Status;
import paperboy.mail.ScriptedSmtpServer.Fault;

/**
 * Each way an SMTP transaction can fail, against a real server that fails on purpose
 * ({@link ScriptedSmtpServer}), classified as the outbox needs it: retry later, bouncing, or in
 * doubt (resend with the same Message-ID).
 */
class SmtpFailuresTest {
    private static final SmtpTimeouts SHORT = new SmtpTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(2), Duration.ofSeconds(5));

    private ScriptedSmtpServer server;
    private Mailer mailer;

    @BeforeEach
    void start() throws IOException {
        server = ScriptedSmtpServer.plain();
        mailer = TestMails.smtp(TestMails.loopback(server.port()), SHORT, null).open();
    }

    @AfterEach
    void stop() throws IOException {
        mailer.close();
        server.close();
    }

    private Delivery send(String id) {
        return mailer.send(TestMails.mail(id + "@papers.example.org"));
    }

    @Test
    void nothingListeningIsTemporary() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        try (Mailer down = TestMails.smtp(TestMails.loopback(port), SHORT, null).open()) {
            Delivery delivery = down.send(TestMails.mail("m@papers.example.org"));

            assertThat(delivery.status()).isEqualTo(Status.TEMPORARY);
            assertThat(delivery.code()).isZero();
            assertThat(delivery.reason()).contains("cannot connect to smtp://127.0.0.1:" + port);
        }
    }

    @Test
    void a451AtRcptIsTemporaryAndTheNextMailGoesThroughTheSameConnection() {
        server.fail(Fault.RECIPIENT_451);

        Delivery refused = send("a");
        Delivery next = send("b");

        assertThat(refused.status()).isEqualTo(Status.TEMPORARY);
        assertThat(refused.code()).isEqualTo(451);
        assertThat(refused.reason()).contains("greylisted");
        assertThat(next.status()).isEqualTo(Status.SENT);
        assertThat(server.accepted()).hasSize(1).first().asString().contains("Message-ID: <b@papers.example.org>");
        assertThat(server.connections()).isEqualTo(1);
    }

    @Test
    void a550AtRcptIsPermanent() {
        server.fail(Fault.RECIPIENT_550);

        Delivery delivery = send("a");

        assertThat(delivery.status()).isEqualTo(Status.PERMANENT);
        assertThat(delivery.code()).isEqualTo(550);
        assertThat(delivery.reason()).contains("no such mailbox");
        assertThat(server.received()).isEmpty();
        assertThat(send("b").isSent()).isTrue();
    }

    @Test
    void a451ToTheSenderIsTemporaryNotABounce() {
        server.fail(Fault.SENDER_451);

        Delivery delivery = send("a");

        assertThat(delivery.status()).isEqualTo(Status.TEMPORARY);
        assertThat(delivery.code()).isEqualTo(451);
        assertThat(delivery.reason()).contains("refused the sender");
    }

    @Test
    void a4xxOr5xxAfterTheDataIsTheServersDefiniteNo() {
        server.fail(Fault.END_OF_DATA_451, Fault.END_OF_DATA_554);

        Delivery later = send("a");
        Delivery never = send("b");

        assertThat(later.status()).isEqualTo(Status.TEMPORARY);
        assertThat(later.code()).isEqualTo(451);
        assertThat(never.status()).isEqualTo(Status.PERMANENT);
        assertThat(never.code()).isEqualTo(554);
        assertThat(server.received()).hasSize(2);
        assertThat(server.accepted()).isEmpty();
    }

    @Test
    void aConnectionCutAfterTheDataIsInDoubtAndTheResendIsTheSameMail() {
        server.fail(Fault.CUT_AFTER_DATA);

        Delivery cut = send("edition-7");
        Delivery resent = send("edition-7");

        assertThat(cut.status()).isEqualTo(Status.IN_DOUBT);
        assertThat(cut.code()).isZero();
        assertThat(resent.status()).isEqualTo(Status.SENT);
        assertThat(server.received()).hasSize(2);
        assertThat(server.received().get(0)).isEqualTo(server.received().get(1));
        assertThat(server.connections()).isEqualTo(2);
    }

    @Test
    void noReplyAfterTheDataWithinTheReadTimeoutIsInDoubt() {
        server.fail(Fault.SILENT_AFTER_DATA);

        Delivery delivery = send("a");

        assertThat(delivery.status()).isEqualTo(Status.IN_DOUBT);
        assertThat(server.received()).hasSize(1);
        assertThat(send("b").isSent()).isTrue();
    }

    @Test
    void aConnectionCutWhileTheMessageIsStillBeingWrittenIsTemporary() {
        server.fail(Fault.CUT_DURING_CONTENT);
        Mail small = TestMails.mail("a@papers.example.org");
        // larger than what the sockets buffer, so that the cut shows before the final dot is written
        Mail large = new Mail(small.messageId(), small.from(), small.to(), small.subject(), small.text(),
                "<p>paper</p>\n".repeat(1_500_000), small.headers(), small.date());

        Delivery delivery = mailer.send(large);

        assertThat(delivery.status()).as(delivery.toString()).isEqualTo(Status.TEMPORARY);
        assertThat(delivery.reason()).contains("cut while sending the message");
        assertThat(server.received()).isEmpty();
        assertThat(send("b").isSent()).isTrue();
    }

    @Test
    void aConnectionCutBeforeTheFinalDotWasAnsweredIsInDoubtEvenIfTheServerHadNotReadIt() {
        // the client cannot tell this from a cut after the dot: everything it wrote was buffered
        server.fail(Fault.CUT_DURING_CONTENT);

        assertThat(send("a").status()).isEqualTo(Status.IN_DOUBT);
    }

    @Test
    void aKeptConnectionTheServerDroppedIsOpenedAgainWithoutFailingTheMail() {
        assertThat(send("a").isSent()).isTrue();
        server.fail(Fault.CLOSED_WHILE_IDLE);

        Delivery delivery = send("b");

        assertThat(delivery.status()).as(delivery.toString()).isEqualTo(Status.SENT);
        assertThat(server.accepted()).hasSize(2);
        assertThat(server.connections()).isEqualTo(2);
    }

    @Test
    void manyMailsShareOneConnection() {
        for (int i = 0; i < 10; i++) {
            assertThat(send("m" + i).isSent()).isTrue();
        }
        assertThat(server.connections()).isEqualTo(1);
        assertThat(server.commands()).filteredOn(c -> c.startsWith("EHLO")).hasSize(1);
    }
}
