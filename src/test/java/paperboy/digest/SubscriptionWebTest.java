package paperboy.digest;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paperboy.App;
import paperboy.config.Config;
import paperboy.config.MailSettings;
import paperboy.paper.PaperBuilder;
import paperboy.subscription.EmailAddress;
import paperboy.subscription.Frequency;
import paperboy.subscription.Subscriber;

/**
 * Subscribing as a visitor does it, against the real server: the box, double opt-in, the digest's
 * headers and escaping, the manage page and one-click unsubscribe. Run twice: with mail sent to a
 * real SMTP server (GreenMail, {@link OverSmtpTest}) and written as .eml files ({@link OverEmlFilesTest}).
 */
abstract class SubscriptionWebTest {
    static final String BASE = "https://papers.example.org";
    static final String HOSTILE = "Probing <script>alert(1)</script> & <b>bold</b> titles";

    @TempDir
    Path dir;
    App app;
    Javalin web;
    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private paperboy.account.TestMembers.Browser browser;

    /** Where this run's mail goes. */
    abstract MailSettings mailSettings();

    /** The mails to {@code to} received so far, waiting up to 10 s for {@code n}. */
    abstract List<MimeMessage> inbox(String to, int n) throws Exception;

    /** Every mail received so far. */
    abstract int received() throws Exception;

    @BeforeEach
    void start() throws Exception {
        Config config = new Config(0, dir, null, false).withBaseUrl(URI.create(BASE))
                .withMail(mailSettings().withFrom("Paperboy <digest@papers.example.org>"));
        app = new App(config);
        app.papers().upsert(List.of(
                PaperBuilder.paper("2611.00001").title(HOSTILE).upvotes(40).published("2026-11-27").featuredOn("2026-11-30"),
                PaperBuilder.paper("2611.00002").title("Plain attention").upvotes(10).published("2026-11-27").featuredOn("2026-11-30")),
                "test");
        app.index().catchUp(app.papers());
        web = app.web().start(0);
    }

    @AfterEach
    void stop() throws Exception {
        web.stop();
        app.close();
    }


    /** A visitor's browser: keeps cookies, and posts forms with the site's CSRF token as a page gave it. */
    private paperboy.account.TestMembers.Browser browser() {
        if (browser == null) {
            browser = paperboy.account.TestMembers.anonymous(web.port());
        }
        return browser;
    }

    private HttpResponse<String> get(String path) {
        return browser().get(path);
    }

    private HttpResponse<String> post(String path, Map<String, String> form) {
        return browser().post(path, form.entrySet().stream().filter(e -> !e.getKey().equals("_csrf"))
                .flatMap(e -> java.util.stream.Stream.of(e.getKey(), e.getValue())).toArray(String[]::new));
    }

    private Subscriber subscriber(String email) {
        return app.subscriptions().store().find(EmailAddress.of(email)).orElseThrow();
    }

    /** Subscribes and confirms through the pages and the confirmation mail, as a visitor does. */
    private void subscribeAndConfirm(String email, String frequency) throws Exception {
        post("/subscribe", Map.of("email", email, "frequency", frequency, "_csrf", ""));
        MimeMessage confirmation = inbox(email, 1).getFirst();
        String link = Eml.link(Eml.part(confirmation, "text/plain"), BASE, "/subscribe/confirm");
        String token = link.substring(link.indexOf("token=") + 6);
        post("/subscribe/confirm", Map.of("token", java.net.URLDecoder.decode(token, StandardCharsets.UTF_8), "_csrf", ""));
    }

    @Test
    void listPagesOfferTheSubscribeBox() throws Exception {
        HttpResponse<String> list = get("/papers/date/2026-11-30");

        // The box is in pages the shared cache keeps, so it carries no visitor's token: it takes the
        // address to the /subscribe form (a GET), whose POST carries the site's CSRF token.
        assertThat(list.body()).contains("action=\"/subscribe\" method=\"get\"").contains("name=\"email\"")
                .contains("value=\"weekly\"").doesNotContain("name=\"_csrf\"");
        HttpResponse<String> form = get("/subscribe?email=ann%40example.org&frequency=weekly");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("method=\"post\"").contains("value=\"ann@example.org\"")
                .containsPattern("name=\"_csrf\" value=\"[^\"]{20,}\"");
    }

    @Test
    void doubleOptInConfirmsOnlyByThePostOfTheLinksPageAndTheLinkWorksOnce() throws Exception {
        HttpResponse<String> asked = post("/subscribe", Map.of("email", "Ann@Example.org ", "frequency", "daily", "_csrf", ""));
        assertThat(asked.statusCode()).isEqualTo(200);
        assertThat(asked.body()).contains("Check your inbox");
        MimeMessage confirmation = inbox("ann@example.org", 1).getFirst();
        String link = Eml.link(Eml.part(confirmation, "text/plain"), BASE, "/subscribe/confirm");

        HttpResponse<String> page = get(link);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(subscriber("ann@example.org").state()).isEqualTo(Subscriber.State.PENDING); // a GET (a link scanner) confirms nothing
        String token = java.net.URLDecoder.decode(link.substring(link.indexOf("token=") + 6), StandardCharsets.UTF_8);
        HttpResponse<String> confirmed = post("/subscribe/confirm", Map.of("token", token, "_csrf", ""));
        HttpResponse<String> again = post("/subscribe/confirm", Map.of("token", token, "_csrf", ""));

        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertThat(confirmed.body()).contains("You are subscribed");
        assertThat(subscriber("ann@example.org").state()).isEqualTo(Subscriber.State.CONFIRMED);
        assertThat(again.statusCode()).isEqualTo(404);
        assertThat(again.body()).contains("Link not valid").contains("Subscribe again");
        HttpResponse<String> spent = get(link);
        assertThat(spent.statusCode()).isEqualTo(404);
        assertThat(spent.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(spent.headers().firstValue("Cache-Control")).hasValue("private, no-store");
        assertThat(spent.body()).contains("Link not valid").contains("Subscribe again");
    }

    @Test
    void thePageAnswersTheSameWhetherOrNotTheAddressIsSubscribed() throws Exception {
        subscribeAndConfirm("ann@example.org", "daily");
        int mailsBefore = received();

        HttpResponse<String> known = post("/subscribe", Map.of("email", "ann@example.org", "frequency", "weekly", "_csrf", ""));
        HttpResponse<String> unknown = post("/subscribe", Map.of("email", "bob@example.org", "frequency", "weekly", "_csrf", ""));

        assertThat(known.statusCode()).isEqualTo(unknown.statusCode()).isEqualTo(200);
        assertThat(known.body()).isEqualTo(unknown.body());
        assertThat(subscriber("ann@example.org").frequency()).isEqualTo(Frequency.DAILY); // nobody changes it without the link
        assertThat(inbox("bob@example.org", 1)).hasSize(1);
        assertThat(received()).isEqualTo(mailsBefore + 1);
    }

    @Test
    void aDigestCarriesOneClickUnsubscribeHeadersItsIdentityAndEscapedTitles() throws Exception {
        subscribeAndConfirm("ann@example.org", "daily");

        app.digests().prepare(DigestWorld.TUESDAY, Frequency.DAILY);
        SendReport report = app.digests().send(DigestWorld.FAST, () -> false);
        MimeMessage digest = inbox("ann@example.org", 2).stream()
                .filter(m -> header(m, "List-Unsubscribe") != null).findFirst().orElseThrow();

        assertThat(report.sent()).isEqualTo(1);
        assertThat(header(digest, "List-Unsubscribe"))
                .as("the one-click link alone: nothing reads a mailto")
                .matches("<" + java.util.regex.Pattern.quote(BASE) + "/unsubscribe\\?t=[^>,]+>");
        assertThat(header(digest, "List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(header(digest, "Message-ID")).isEqualTo("<digest.2026-12-01.daily." + subscriber("ann@example.org").id()
                + "@papers.example.org>");
        assertThat(digest.getSentDate()).isNotNull();
        assertThat(digest.isMimeType("multipart/alternative")).isTrue();
        String html = Eml.part(digest, "text/html");
        assertThat(html).contains("Probing &lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt; titles")
                .doesNotContain("<script").doesNotContain("<b>bold").doesNotContain("<img")
                .contains(BASE + "/papers/2611.00001").contains(BASE + "/manage?t=");
        assertThat(Eml.part(digest, "text/plain")).contains(HOSTILE).contains("40 upvotes").contains(BASE + "/unsubscribe?t=");
        assertThat(html.indexOf(HOSTILE.substring(0, 7))).isLessThan(html.indexOf("Plain attention")); // most upvoted first
    }

    @Test
    void oneClickUnsubscribeIsAPostToTheHeadersUrlAndAGetOnlyAsks() throws Exception {
        subscribeAndConfirm("ann@example.org", "daily");
        app.digests().prepare(DigestWorld.TUESDAY, Frequency.DAILY);
        app.digests().send(DigestWorld.FAST, () -> false);
        MimeMessage digest = inbox("ann@example.org", 2).stream()
                .filter(m -> header(m, "List-Unsubscribe") != null).findFirst().orElseThrow();
        String url = header(digest, "List-Unsubscribe");
        String path = url.substring(1 + BASE.length(), url.indexOf('>'));

        HttpResponse<String> asked = get(path);
        assertThat(asked.statusCode()).isEqualTo(200);
        assertThat(asked.body()).contains("Unsubscribe");
        assertThat(subscriber("ann@example.org").state()).isEqualTo(Subscriber.State.CONFIRMED); // scanners prefetch links

        HttpResponse<String> oneClick = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + web.port() + path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(oneClick.statusCode()).isEqualTo(200);
        assertThat(subscriber("ann@example.org").state()).isEqualTo(Subscriber.State.UNSUBSCRIBED);
        app.digests().prepare(DigestWorld.TUESDAY.plusDays(1), Frequency.DAILY);
        assertThat(app.digests().send(DigestWorld.FAST, () -> false).sent()).isZero();
    }

    @Test
    void theManagePageChangesFrequencyAndTopicsWithTheSignedTokenAndRefusesAForgedOne() throws Exception {
        subscribeAndConfirm("ann@example.org", "daily");
        Subscriber ann = subscriber("ann@example.org");
        String token = app.subscriptions().tokenFor(ann);

        HttpResponse<String> added = post("/manage", Map.of("t", token, "action", "add-topic", "topic", "retrieval cat:cs.CL", "_csrf", ""));
        post("/manage", Map.of("t", token, "action", "frequency", "frequency", "weekly", "_csrf", ""));
        HttpResponse<String> page = get("/manage?t=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
        String forged = ann.id() + "." + "A".repeat(43);

        assertThat(added.statusCode()).isEqualTo(303);
        assertThat(page.body()).contains("ann@example.org").contains("retrieval cat:cs.CL")
                .contains("href=\"/search?q=retrieval+cat%3Acs.CL\"");
        assertThat(subscriber("ann@example.org").frequency()).isEqualTo(Frequency.WEEKLY);
        assertThat(app.subscriptions().topics(ann)).containsExactly("retrieval cat:cs.CL");
        assertThat(get("/manage?t=" + URLEncoder.encode(forged, StandardCharsets.UTF_8)).statusCode()).isEqualTo(404);
        assertThat(post("/manage", Map.of("t", forged, "action", "unsubscribe")).statusCode()).isEqualTo(404);
        assertThat(post("/unsubscribe?t=" + URLEncoder.encode(forged, StandardCharsets.UTF_8), Map.of("List-Unsubscribe", "One-Click"))
                .statusCode()).isEqualTo(404);
        assertThat(subscriber("ann@example.org").state()).isEqualTo(Subscriber.State.CONFIRMED);
    }

    @Test
    void badInputIsA400AndTooManySubscriptionsFromOneAddressA429() throws Exception {
        assertThat(post("/subscribe", Map.of("email", "not an address", "frequency", "daily")).statusCode()).isEqualTo(400);
        assertThat(post("/subscribe", Map.of("email", "a@example.org", "frequency", "hourly")).statusCode()).isEqualTo(400);
        assertThat(post("/manage", Map.of("t", "junk", "action", "frequency")).statusCode()).isEqualTo(404);

        int status = 0;
        for (int i = 0; i < 12 && status != 429; i++) {
            status = post("/subscribe", Map.of("email", "flood" + i + "@example.org", "frequency", "daily")).statusCode();
        }
        assertThat(status).isEqualTo(429);
    }

    /** The preview page is on only with the .eml transport. */
    void thePreviewShowsAnEditionToThisMachine() throws Exception {
        HttpResponse<String> preview = get("/digest/preview?date=2026-12-01&kind=daily");
        HttpResponse<String> forwarded = http.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + web.port() + "/digest/preview?date=2026-12-01")).header("X-Forwarded-For", "203.0.113.9")
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.body()).contains("Plain attention").contains("&lt;script&gt;");
        assertThat(forwarded.statusCode()).isEqualTo(404);
        assertThat(get("/digest/preview?date=2026-12-05").statusCode()).isEqualTo(400); // a Saturday
    }

    /** What a GET of {@code path} answers, for the subclasses. */
    int status(String path) throws Exception {
        return get(path).statusCode();
    }

    private static String header(MimeMessage m, String name) {
        try {
            return m.getHeader(name, ",");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
