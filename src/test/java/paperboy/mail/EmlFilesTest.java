package paperboy.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paperboy.config.Config;
import paperboy.config.MailSettings;

/** Without an SMTP server, mail is written as .eml files: whole, parseable, one per Message-ID. */
class EmlFilesTest {
    @TempDir
    Path data;

    private static MimeMessage parse(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return new MimeMessage(Session.getInstance(new Properties()), in);
        }
    }

    private List<Path> files(Path folder) throws Exception {
        try (Stream<Path> listing = Files.list(folder)) {
            return listing.sorted().toList();
        }
    }

    @Test
    void withoutSmtpTheConfigWritesUnderTheDataFoldersMailFolder() throws Exception {
        Config config = new Config(0, data, null, false);
        MailTransport transport = MailTransport.of(config);
        assertThat(transport.describe()).isEqualTo(".eml files in " + data.toAbsolutePath().resolve("mail"));
        assertThat(transport.from()).isEqualTo(Address.parse(MailSettings.DEFAULT_FROM));

        try (Mailer mailer = transport.open()) {
            assertThat(mailer.send(TestMails.mail("2026-12-01.daily.3@papers.example.org")).isSent()).isTrue();
        }

        assertThat(files(config.mailDir())).containsExactly(config.mailDir().resolve("2026-12-01.daily.3@papers.example.org.eml"));
    }

    @Test
    void theFileIsTheWholeMailAndParsesBack() throws Exception {
        EmlFiles files = TestMails.files(data, Optional.empty());
        Mail mail = TestMails.mail("a@papers.example.org");

        files.send(mail);

        MimeMessage message = parse(files.fileOf(mail));
        assertThat(message.getMessageID()).isEqualTo("<a@papers.example.org>");
        assertThat(message.getSubject()).isEqualTo(mail.subject());
        assertThat(message.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(message.getHeader("Date", null)).isEqualTo("Tue, 1 Dec 2026 07:30:00 +0000");
        MimeMultipart parts = (MimeMultipart) message.getContent();
        assertThat(parts.getContentType()).startsWith("multipart/alternative");
        assertThat(((String) parts.getBodyPart(1).getContent()).replace("\r\n", "\n")).isEqualTo(mail.html());
        assertThat(Files.readString(files.fileOf(mail))).contains("\r\n").doesNotContain("\n\n");
    }

    @Test
    void theSameMailWrittenTwiceIsOneFileWithTheSameBytes() throws Exception {
        EmlFiles files = TestMails.files(data, Optional.empty());
        Mail mail = TestMails.mail("edition-7.subscriber-42@papers.example.org");

        files.send(mail);
        byte[] first = Files.readAllBytes(files.fileOf(mail));
        files.send(mail);

        assertThat(files(data)).containsExactly(files.fileOf(mail));
        assertThat(Files.readAllBytes(files.fileOf(mail))).isEqualTo(first);
    }

    @Test
    void aMessageIdThatIsNoSafeFileNameStillNamesItsOwnFile() {
        assertThat(EmlFiles.fileName("a/b@x")).startsWith("a_b@x-").endsWith(".eml");
        assertThat(EmlFiles.fileName("a/b@x")).isNotEqualTo(EmlFiles.fileName("a_b@x")).isNotEqualTo(EmlFiles.fileName("a?b@x"));
        assertThat(EmlFiles.fileName("..@x")).doesNotStartWith(".");
    }

    @Test
    void aFolderThatCannotBeWrittenIsTemporaryAndLeavesNothingBehind() throws Exception {
        Path notAFolder = Files.writeString(data.resolve("mail"), "a file where the folder should be");

        Delivery delivery = TestMails.files(notAFolder, Optional.empty()).send(TestMails.mail("a@papers.example.org"));

        assertThat(delivery.status()).isEqualTo(Delivery.Status.TEMPORARY);
        assertThat(delivery.reason()).contains("could not write");
        assertThat(files(data)).containsExactly(notAFolder);
    }
}
