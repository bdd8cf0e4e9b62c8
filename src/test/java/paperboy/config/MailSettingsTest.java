package paperboy.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import paperboy.TestKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import paperboy.config.SmtpServer.Security;

/** {@code PAPERBOY_SMTP_URL}, {@code PAPERBOY_MAIL_FROM}, {@code PAPERBOY_DKIM_*} and the base URL mail needs. */
class MailSettingsTest {
    private static KeyPair keys;

    @TempDir
    Path dir;

    @BeforeAll
    static void key() {
        keys = TestKeys.rsa();
    }

    private static MailSettings mail(Map<String, String> env) {
        return new ConfigLoader(env).load().mail();
    }

    private static SmtpServer smtp(String url) {
        return mail(Map.of("PAPERBOY_SMTP_URL", url, "PAPERBOY_MAIL_FROM", "papers@example.org")).smtp().orElseThrow();
    }

    @Test
    void withoutSmtpMailGoesToFilesFromTheDefaultSender() {
        assertThat(mail(Map.of())).isEqualTo(MailSettings.FILES);
        assertThat(new Config(0, Path.of("data"), null, false).mail()).isEqualTo(MailSettings.FILES);
        assertThat(MailSettings.FILES.smtp()).isEmpty();
        assertThat(MailSettings.FILES.from()).isEqualTo("Paperboy <paperboy@localhost>");
    }

    @Test
    void smtpMeansStarttlsRequiredOnPort587AndTheLoginIsPercentDecoded() {
        SmtpServer server = smtp("smtp://digest%40example.org:p%40ss%3Aw+rd%2F@mail.example.org");

        assertThat(server).isEqualTo(new SmtpServer(Security.STARTTLS_REQUIRED, "mail.example.org", 587,
                "digest@example.org", "p@ss:w+rd/"));
        assertThat(server.authenticates()).isTrue();
        assertThat(server.toString()).isEqualTo("smtp://digest@example.org:(set)@mail.example.org:587").doesNotContain("w+rd");
    }

    @Test
    void smtpsMeansTlsOnPort465() {
        assertThat(smtp("smtps://mail.example.org")).isEqualTo(new SmtpServer(Security.IMPLICIT_TLS, "mail.example.org", 465, "", ""));
        assertThat(smtp("smtps://u:p@mail.example.org:2465").port()).isEqualTo(2465);
    }

    @ParameterizedTest
    @CsvSource({"smtp://localhost:25, localhost", "smtp://127.0.0.1:2525, 127.0.0.1", "smtp://[::1]:25, ::1", "SMTP://LOCALHOST, LOCALHOST"})
    void onTheLoopbackAddressStarttlsIsUsedWhenOffered(String url, String host) {
        SmtpServer server = smtp(url);

        assertThat(server.security()).isEqualTo(Security.STARTTLS_IF_OFFERED);
        assertThat(server.host()).isEqualTo(host);
        assertThat(server.authenticates()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://mail.example.org", "mail.example.org:587", "smtp://", "smtp://h:p@ss@host",
            "smtp://host/path", "smtp://host?tls=off", "smtp://host:99999", "smtp://u:p%zz@host"})
    void anUnusableUrlNamesTheKeyButNotThePassword(String url) {
        assertThatThrownBy(() -> smtp(url)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("PAPERBOY_SMTP_URL").hasMessageContaining("smtps://")
                .message().doesNotContain("p@ss").doesNotContain("p%zz");
    }

    @Test
    void smtpNeedsASender() {
        assertThatThrownBy(() -> mail(Map.of("PAPERBOY_SMTP_URL", "smtp://mail.example.org")))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("PAPERBOY_MAIL_FROM is not set");
    }

    @Test
    void theSenderMayHaveADisplayName() {
        assertThat(mail(Map.of("PAPERBOY_MAIL_FROM", " Paperboy Digest <papers@example.org> ")).from())
                .isEqualTo("Paperboy Digest <papers@example.org>");
        assertThat(mail(Map.of("PAPERBOY_MAIL_FROM", "papers@example.org")).from()).isEqualTo("papers@example.org");
    }

    @ParameterizedTest
    @ValueSource(strings = {"papers", "a@b@c", "Paperboy <papers@example.org", "x@y, z@w"})
    void anInvalidSenderNamesItsKey(String from) {
        assertThatThrownBy(() -> mail(Map.of("PAPERBOY_MAIL_FROM", from)))
                .isInstanceOf(ConfigException.class).hasMessageContaining("PAPERBOY_MAIL_FROM");
    }

    private Map<String, String> dkim(Path key) {
        Map<String, String> env = new HashMap<>();
        env.put("PAPERBOY_DKIM_KEY", key.toString());
        env.put("PAPERBOY_DKIM_SELECTOR", "paperboy2026");
        env.put("PAPERBOY_DKIM_DOMAIN", "example.org");
        return env;
    }

    private Path pem() throws Exception {
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(keys.getPrivate().getEncoded());
        return Files.writeString(dir.resolve("dkim.pem"), "-----BEGIN PRIVATE KEY-----\n" + base64 + "\n-----END PRIVATE KEY-----\n");
    }

    @Test
    void aPkcs8KeyIsReadFromPemOrDer() throws Exception {
        DkimSettings fromPem = mail(dkim(pem())).dkim().orElseThrow();
        Path der = Files.write(dir.resolve("dkim.der"), keys.getPrivate().getEncoded());
        DkimSettings fromDer = mail(dkim(der)).dkim().orElseThrow();

        assertThat(fromPem.key()).isEqualTo(keys.getPrivate());
        assertThat(fromDer.key()).isEqualTo(keys.getPrivate());
        assertThat(fromPem.dnsName()).isEqualTo("paperboy2026._domainkey.example.org");
        assertThat(fromPem.toString()).doesNotContain(Base64.getEncoder().encodeToString(keys.getPrivate().getEncoded()).substring(0, 20));
    }

    @Test
    void dkimNeedsAllThreeKeysAndSaysWhichAreMissing() throws Exception {
        Map<String, String> env = dkim(pem());
        env.remove("PAPERBOY_DKIM_SELECTOR");
        env.remove("PAPERBOY_DKIM_DOMAIN");

        assertThatThrownBy(() -> mail(env)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("missing: PAPERBOY_DKIM_SELECTOR, PAPERBOY_DKIM_DOMAIN");
    }

    @Test
    void aKeyThatCannotBeReadNamesTheKey() throws Exception {
        Path rsa = Files.writeString(dir.resolve("old.pem"), "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n");

        assertThatThrownBy(() -> mail(dkim(dir.resolve("missing.pem")))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("PAPERBOY_DKIM_KEY").hasMessageContaining("readable");
        assertThatThrownBy(() -> mail(dkim(rsa))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("PAPERBOY_DKIM_KEY").hasMessageContaining("PKCS#8");
    }

    @Test
    void aSelectorOrDomainThatIsNoDnsNameIsRefused() throws Exception {
        Map<String, String> env = dkim(pem());
        env.put("PAPERBOY_DKIM_DOMAIN", "example org");
        assertThatThrownBy(() -> mail(env)).isInstanceOf(ConfigException.class).hasMessageContaining("PAPERBOY_DKIM_DOMAIN");
        env.put("PAPERBOY_DKIM_DOMAIN", "example.org");
        env.put("PAPERBOY_DKIM_SELECTOR", "a;b");
        assertThatThrownBy(() -> mail(env)).isInstanceOf(ConfigException.class).hasMessageContaining("PAPERBOY_DKIM_SELECTOR");
    }

    @Test
    void sendingMailRequiresTheBaseUrl() {
        Config without = new Config(0, Path.of("data"), null, false);

        assertThatThrownBy(without::requireMailBaseUrl).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("PAPERBOY_BASE_URL is not set");
        assertThat(without.withBaseUrl(URI.create("https://papers.example.org")).requireMailBaseUrl())
                .isEqualTo(URI.create("https://papers.example.org"));
        assertThat(without.mailDir()).isEqualTo(Path.of("data").toAbsolutePath().resolve("mail"));
    }
}
