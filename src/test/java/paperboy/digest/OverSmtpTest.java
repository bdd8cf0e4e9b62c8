package paperboy.digest;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import paperboy.config.MailSettings;
import paperboy.config.SmtpServer;

/** The subscription pages with mail sent through a real SMTP server (GreenMail); the preview page is for admins only then. */
class OverSmtpTest extends SubscriptionWebTest {
    @RegisterExtension
    static final GreenMailExtension GREENMAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @Override
    MailSettings mailSettings() {
        return new MailSettings(Optional.of(new SmtpServer(SmtpServer.Security.STARTTLS_IF_OFFERED, "127.0.0.1",
                GREENMAIL.getSmtp().getPort(), "", "")), null, Optional.empty());
    }

    @Override
    List<MimeMessage> inbox(String to, int n) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (true) {
            List<MimeMessage> found = Arrays.stream(GREENMAIL.getReceivedMessages()).filter(m -> to.equals(recipient(m))).toList();
            if (found.size() >= n || Instant.now().isAfter(deadline)) {
                return found;
            }
            Thread.sleep(50);
        }
    }

    @Override
    int received() {
        return GREENMAIL.getReceivedMessages().length;
    }

    private static String recipient(MimeMessage m) {
        try {
            return ((InternetAddress) m.getAllRecipients()[0]).getAddress();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void thePreviewIsForAdminsOnlyWhenMailGoesThroughAServer() throws Exception {
        String path = "/digest/preview?date=2026-12-01&kind=daily";
        var member = paperboy.account.TestMembers.logIn(web.port(),
                paperboy.account.TestMembers.add(app, "Reader", paperboy.account.Role.MEMBER));
        var admin = paperboy.account.TestMembers.logIn(web.port(),
                paperboy.account.TestMembers.add(app, "Operator", paperboy.account.Role.ADMIN));

        assertThat(status(path)).isEqualTo(404); // this machine's browser, but mail goes to real inboxes
        assertThat(member.get(path).statusCode()).isEqualTo(404);
        var shown = admin.get(path);
        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(shown.body()).contains("Plain attention").contains("&lt;script&gt;");
    }
}
