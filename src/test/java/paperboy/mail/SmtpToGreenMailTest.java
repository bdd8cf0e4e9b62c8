package paperboy.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import paperboy.config.SmtpServer;

/** Mail sent through a real SMTP server, GreenMail, arrives whole: both parts, every header, UTF-8. */
class SmtpToGreenMailTest {
    @RegisterExtension
    static final GreenMailExtension GREENMAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("digest", "s3cr:t p@ss"));

    private SmtpServer server() {
        return new SmtpServer(SmtpServer.Security.STARTTLS_IF_OFFERED, "127.0.0.1", GREENMAIL.getSmtp().getPort(),
                "digest", "s3cr:t p@ss");
    }

    @Test
    void aSentMailArrivesWithBothPartsAndItsHeadersIntact() throws Exception {
        try (Mailer mailer = TestMails.smtp(server()).open()) {
            Delivery delivery = mailer.send(TestMails.mail("2026-12-01.daily.17@papers.example.org"));

            assertThat(delivery.status()).as(delivery.toString()).isEqualTo(Delivery.Status.SENT);
            assertThat(delivery.code()).isEqualTo(250);
        }
        MimeMessage[] received = GREENMAIL.getReceivedMessages();
        assertThat(received).hasSize(1);
        MimeMessage message = received[0];
        assertThat(message.getMessageID()).isEqualTo("<2026-12-01.daily.17@papers.example.org>");
        assertThat(message.getHeader("Date", null)).isEqualTo("Tue, 1 Dec 2026 07:30:00 +0000");
        assertThat(message.getSubject()).isEqualTo("Trending papers — Dec 1: Über-Attention für alle ✓");
        assertThat(message.getHeader("List-Unsubscribe", null))
                .isEqualTo("<https://papers.example.org/unsubscribe/t0k3n>, <mailto:unsubscribe@paperboy.test?subject=t0k3n>");
        assertThat(message.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(message.getFrom()[0].toString()).isEqualTo("Paperboy Digest <papers@paperboy.test>");
        assertThat(message.getAllRecipients()[0].toString()).isEqualTo("reader@example.org");

        assertThat(message.getContentType()).startsWith("multipart/alternative");
        Multipart parts = (MimeMultipart) message.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        Part text = parts.getBodyPart(0);
        Part html = parts.getBodyPart(1);
        assertThat(text.getContentType()).startsWith("text/plain").containsIgnoringCase("charset=UTF-8");
        assertThat(html.getContentType()).startsWith("text/html").containsIgnoringCase("charset=UTF-8");
        assertThat(((String) text.getContent()).replace("\r\n", "\n")).isEqualTo(TestMails.mail("x@y").text());
        assertThat(((String) html.getContent()).replace("\r\n", "\n")).isEqualTo(TestMails.mail("x@y").html());
    }

    @Test
    void oneMailerSendsManyMailsOneAfterTheOther() throws Exception {
        try (Mailer mailer = TestMails.smtp(server()).open()) {
            for (int i = 0; i < 5; i++) {
                assertThat(mailer.send(TestMails.mail("m" + i + "@papers.example.org", "reader" + i + "@example.org")).isSent()).isTrue();
            }
        }
        assertThat(GREENMAIL.getReceivedMessages()).hasSize(5);
        assertThat(GREENMAIL.getReceivedMessages()[4].getAllRecipients()[0].toString()).isEqualTo("reader4@example.org");
    }

    @Test
    void aWrongPasswordIsTemporaryAndSaysTheLoginWasRefused() {
        SmtpServer wrong = new SmtpServer(SmtpServer.Security.STARTTLS_IF_OFFERED, "127.0.0.1",
                GREENMAIL.getSmtp().getPort(), "digest", "wrong");
        try (Mailer mailer = TestMails.smtp(wrong).open()) {
            Delivery delivery = mailer.send(TestMails.mail("m@papers.example.org"));

            assertThat(delivery.status()).isEqualTo(Delivery.Status.TEMPORARY);
            assertThat(delivery.reason()).contains("login refused").doesNotContain("wrong");
        }
        assertThat(GREENMAIL.getReceivedMessages()).isEmpty();
    }
}
