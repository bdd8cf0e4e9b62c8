package paperboy.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import paperboy.config.SmtpServer;
import paperboy.config.SmtpServer.Security;
import paperboy.mail.ScriptedSmtpServer.Tls;

/**
 * {@code smtps://} and STARTTLS, against a real TLS server with a certificate made for the test
 * (the transport checks the host name as it does in production; only the trusted authority
 * differs), and a login over it.
 */
class SmtpTlsTest {
    private static final SmtpTimeouts SHORT = new SmtpTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(5));
    private static TestTls tls;

    @BeforeAll
    static void certificate() throws Exception {
        tls = new TestTls();
    }

    private static Delivery sendOnce(SmtpServer server, TestTls trust) {
        try (Mailer mailer = TestMails.smtp(server, SHORT, trust).open()) {
            return mailer.send(TestMails.mail("tls@papers.example.org"));
        }
    }

    @Test
    void smtpsSpeaksTlsFromTheFirstByteAndLogsIn() throws Exception {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer(Tls.IMPLICIT, tls.server, "digest:pa ss")) {
            Delivery delivery = sendOnce(new SmtpServer(Security.IMPLICIT_TLS, "127.0.0.1", server.port(), "digest", "pa ss"), tls);

            assertThat(delivery.status()).as(delivery.toString()).isEqualTo(Delivery.Status.SENT);
            assertThat(server.accepted()).hasSize(1);
            assertThat(server.commands()).contains("AUTH").doesNotContain("STARTTLS");
        }
    }

    @Test
    void starttlsIsUsedBeforeTheLogin() throws Exception {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer(Tls.STARTTLS, tls.server, "digest:pa ss")) {
            Delivery delivery = sendOnce(new SmtpServer(Security.STARTTLS_REQUIRED, "localhost", server.port(), "digest", "pa ss"), tls);

            assertThat(delivery.status()).as(delivery.toString()).isEqualTo(Delivery.Status.SENT);
            assertThat(server.commands()).containsSubsequence("STARTTLS", "AUTH", "MAIL FROM:<papers@paperboy.test>");
        }
    }

    @Test
    void aServerWithoutStarttlsGetsNothingWhenStarttlsIsRequired() throws Exception {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer(Tls.NONE, null, null)) {
            Delivery delivery = sendOnce(new SmtpServer(Security.STARTTLS_REQUIRED, "127.0.0.1", server.port(), "", ""), tls);

            assertThat(delivery.status()).isEqualTo(Delivery.Status.TEMPORARY);
            assertThat(delivery.reason()).containsIgnoringCase("STARTTLS");
            assertThat(server.commands()).noneMatch(c -> c.startsWith("MAIL"));
        }
    }

    @Test
    void anUntrustedCertificateGetsNothing() throws Exception {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer(Tls.IMPLICIT, tls.server, null)) {
            Delivery delivery = sendOnce(new SmtpServer(Security.IMPLICIT_TLS, "127.0.0.1", server.port(), "", ""), null);

            assertThat(delivery.status()).isEqualTo(Delivery.Status.TEMPORARY);
            assertThat(server.received()).isEmpty();
        }
    }
}
