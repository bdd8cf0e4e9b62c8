package paperboy.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.apache.james.jdkim.DKIMVerifier;
import org.apache.james.jdkim.api.SignatureRecord;
import org.apache.james.jdkim.exceptions.FailException;
import org.junit.jupiter.api.BeforeAll;
import paperboy.TestKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paperboy.config.DkimSettings;
import paperboy.config.SmtpServer;

/**
 * Signed mail verifies with an independent DKIM verifier (Apache James jDKIM) against the public
 * half of a key made for the test, as written to a file and as received by an SMTP server; a
 * changed header no longer verifies.
 */
class DkimSigningTest {
    private static KeyPair keys;
    private static DkimSettings dkim;

    @TempDir
    Path folder;

    @BeforeAll
    static void key() {
        keys = TestKeys.rsa();
        dkim = new DkimSettings(Path.of("test.pem"), keys.getPrivate(), "paperboy2026", "paperboy.test");
    }

    /** The TXT record an operator publishes at paperboy2026._domainkey.paperboy.test. */
    private static DKIMVerifier verifier() {
        String record = "v=DKIM1; k=rsa; p=" + Base64.getEncoder().encodeToString(keys.getPublic().getEncoded());
        return new DKIMVerifier((method, selector, domain) -> {
            assertThat(selector + "._domainkey." + domain).isEqualTo(dkim.dnsName());
            return List.of(record);
        });
    }

    private static SignatureRecord verify(byte[] message) throws Exception {
        List<SignatureRecord> valid = verifier().verify(new ByteArrayInputStream(message));
        assertThat(valid).hasSize(1);
        return valid.get(0);
    }

    @Test
    void aWrittenMailCarriesARelaxedRsaSha256SignatureThatVerifies() throws Exception {
        EmlFiles files = TestMails.files(folder, Optional.of(dkim));
        Mail mail = TestMails.mail("signed@papers.example.org");
        files.send(mail);
        byte[] bytes = Files.readAllBytes(files.fileOf(mail));

        SignatureRecord signature = verify(bytes);

        assertThat(signature.getDToken()).isEqualTo("paperboy.test");
        assertThat(signature.getSelector()).isEqualTo("paperboy2026");
        assertThat(signature.getHashAlgo()).isEqualTo("sha-256");
        assertThat(signature.getHeaderCanonicalisationMethod()).isEqualTo("relaxed");
        assertThat(signature.getBodyCanonicalisationMethod()).isEqualTo("relaxed");
        assertThat(signature.getHeaders().stream().map(h -> h.toString().toLowerCase()))
                .contains("from", "to", "subject", "date", "message-id", "list-unsubscribe", "list-unsubscribe-post");
        assertThat(new String(bytes, StandardCharsets.US_ASCII)).contains("Message-ID: <signed@papers.example.org>");
    }

    @Test
    void aChangedHeaderNoLongerVerifies() throws Exception {
        EmlFiles files = TestMails.files(folder, Optional.of(dkim));
        Mail mail = TestMails.mail("signed@papers.example.org");
        files.send(mail);
        String text = Files.readString(files.fileOf(mail), StandardCharsets.US_ASCII);
        String forged = text.replace("List-Unsubscribe-Post: List-Unsubscribe=One-Click", "List-Unsubscribe-Post: List-Unsubscribe=Nope");
        assertThat(forged).isNotEqualTo(text);

        assertThatThrownBy(() -> verifier().verify(new ByteArrayInputStream(forged.getBytes(StandardCharsets.US_ASCII))))
                .isInstanceOf(FailException.class);
    }

    @Test
    void aMailSentOverSmtpArrivesWithAValidSignature() throws Exception {
        try (ScriptedSmtpServer server = ScriptedSmtpServer.plain()) {
            SmtpServer smtp = TestMails.loopback(server.port());
            try (Mailer mailer = new SmtpTransport(smtp, TestMails.FROM, new MimeComposer(Optional.of(dkim)),
                    SmtpTimeouts.DEFAULTS, null).open()) {
                assertThat(mailer.send(TestMails.mail("signed@papers.example.org")).isSent()).isTrue();
            }

            verify(server.accepted().get(0).getBytes(StandardCharsets.ISO_8859_1));
        }
    }
}
