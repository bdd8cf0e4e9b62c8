package paperboy.account;

import com.icegreen.greenmail.base.GreenMailOperations;
import io.javalin.Javalin;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import paperboy.App;
import paperboy.config.Config;
import paperboy.config.MailSettings;
import paperboy.config.SmtpServer;
import paperboy.digest.Eml;

/**
 * The real Paperboy with {@code PAPERBOY_BASE_URL} set and mail going to a real SMTP server
 * (GreenMail), over a store of the test's choosing (a {@code StoreUrl}, SQLite or PostgreSQL), with
 * no papers: what account mail needs and nothing more. Reads the links the mails carry as a member
 * would click them.
 */
final class MailedSite implements AutoCloseable {
    static final String BASE = "https://papers.example.org";

    final App app;
    final Javalin web;
    private final GreenMailOperations greenMail;
    private final Path data;

    MailedSite(GreenMailOperations greenMail, String storeUrl, AccountLimits limits) throws Exception {
        this.greenMail = greenMail;
        this.data = Files.createTempDirectory("paperboy-account-mail");
        MailSettings mail = new MailSettings(Optional.of(new SmtpServer(SmtpServer.Security.STARTTLS_IF_OFFERED, "127.0.0.1",
                greenMail.getSmtp().getPort(), "", "")), null, Optional.empty()).withFrom("Paperboy <hello@papers.example.org>");
        this.app = new App(new Config(0, data, storeUrl, false).withBaseUrl(URI.create(BASE)).withMail(mail));
        this.web = app.web(limits).start(0);
    }

    TestMembers.Browser browser() {
        return TestMembers.anonymous(web.port());
    }

    /** The mails to {@code to} received so far, waiting up to 10 s for {@code n}. */
    List<MimeMessage> inbox(String to, int n) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (true) {
            List<MimeMessage> found = Arrays.stream(greenMail.getReceivedMessages()).filter(m -> to.equals(recipient(m))).toList();
            if (found.size() >= n || Instant.now().isAfter(deadline)) {
                return found;
            }
            Thread.sleep(50);
        }
    }

    /** The token of the link to {@code path} in the {@code n}th mail (from 1) to {@code to}, waiting for it. */
    String token(String to, int n, String path) throws Exception {
        List<MimeMessage> mails = inbox(to, n);
        if (mails.size() < n) {
            throw new AssertionError("mail " + n + " to " + to + " did not arrive; " + mails.size() + " did");
        }
        String link = Eml.link(Eml.part(mails.get(n - 1), "text/plain"), BASE, path);
        return URLDecoder.decode(link.substring(link.indexOf("token=") + 6), StandardCharsets.UTF_8);
    }

    /** Signs up through the form and verifies the address through the mailed link; the member, logged in. */
    TestMembers.Browser verifiedMember(String name) throws Exception {
        TestMembers.Browser browser = browser();
        browser.get("/signup");
        String email = TestMembers.email(name);
        browser.post("/signup", "name", name, "email", email, "password", TestMembers.PASSWORD);
        String token = token(email, 1, "/verify");
        browser.get("/verify?token=" + token);
        browser.post("/verify", "token", token);
        browser.logIn(email, TestMembers.PASSWORD);
        return browser;
    }

    Member member(String email) {
        return app.accounts().members().byEmail(email).orElseThrow();
    }

    private static String recipient(MimeMessage m) {
        try {
            return ((InternetAddress) m.getAllRecipients()[0]).getAddress();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() throws Exception {
        web.stop();
        app.close();
        try (var files = Files.walk(data)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }
}
