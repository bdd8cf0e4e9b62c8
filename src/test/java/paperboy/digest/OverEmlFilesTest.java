package paperboy.digest;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.util.List;
import org.junit.jupiter.api.Test;
import paperboy.config.MailSettings;

/** The subscription pages with mail written as .eml files under DATA/mail (no SMTP server), and the preview page this turns on. */
class OverEmlFilesTest extends SubscriptionWebTest {
    @Override
    MailSettings mailSettings() {
        return MailSettings.FILES;
    }

    @Override
    List<MimeMessage> inbox(String to, int n) throws Exception {
        return Eml.to(dir.resolve("mail"), to, n);
    }

    @Override
    int received() throws Exception {
        return Eml.all(dir.resolve("mail")).size();
    }

    @Test
    void thePreviewShowsAnEditionOnTheEmlTransport() throws Exception {
        thePreviewShowsAnEditionToThisMachine();
    }
}
