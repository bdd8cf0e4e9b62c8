package paperboy.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.extension.RegisterExtension;
import paperboy.db.StoreTest;
import paperboy.db.StoreUrl;
import paperboy.digest.Eml;

/** Verifying an address by mail, on the real server with a real SMTP server, on SQLite and PostgreSQL. */
class EmailVerificationPagesTest {
    @RegisterExtension
    static final GreenMailExtension GREENMAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @StoreTest
    void aSignUpMailsALinkWhosePageOnlyShowsAButtonAndWhosePostVerifiesOnce(StoreUrl store) throws Exception {
        try (MailedSite site = new MailedSite(GREENMAIL, store.value(), AccountLimits.defaults())) {
            TestMembers.Browser browser = site.browser();
            browser.get("/signup");
            HttpResponse<String> signedUp = browser.post("/signup", "name", "Vera", "email", "vera@example.org",
                    "password", TestMembers.PASSWORD);
            assertThat(signedUp.statusCode()).isEqualTo(303);
            assertThat(browser.get("/login?signed-up=1").body()).contains("a mail with a link to verify the address");
            var mail = site.inbox("vera@example.org", 1).getFirst();
            assertThat(mail.getSubject()).isEqualTo("Verify your email address for Paperboy");
            assertThat(Eml.part(mail, "text/html")).contains(MailedSite.BASE + "/verify?token=");
            String token = site.token("vera@example.org", 1, "/verify");
            assertThat(site.member("vera@example.org").verified()).isFalse();

            // A link scanner's GET changes nothing.
            HttpResponse<String> page = site.browser().get("/verify?token=" + token);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("vera@example.org").contains("Verify my address");
            assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
            assertThat(site.member("vera@example.org").verified()).isFalse();

            TestMembers.Browser clicker = site.browser();
            clicker.get("/verify?token=" + token);
            assertThat(clicker.postRaw("/verify", "token", token).statusCode()).as("no CSRF token").isEqualTo(403);
            HttpResponse<String> verified = clicker.post("/verify", "token", token);
            assertThat(verified.statusCode()).isEqualTo(200);
            assertThat(verified.body()).contains("Your address is verified");
            assertThat(site.member("vera@example.org").verified()).isTrue();

            HttpResponse<String> again = clicker.post("/verify", "token", token);
            assertThat(again.statusCode()).isEqualTo(404);
            assertThat(again.body()).contains("This link is not valid");
            assertThat(clicker.get("/verify?token=" + token).statusCode()).isEqualTo(404);
            assertThat(clicker.get("/verify?token=made-up").statusCode()).isEqualTo(404);
        }
    }

    @StoreTest
    void settingsShowAnUnverifiedAddressAndMailTheLinkAgainAFewTimesAnHour(StoreUrl store) throws Exception {
        try (MailedSite site = new MailedSite(GREENMAIL, store.value(), AccountLimits.defaults())) {
            TestMembers.Browser browser = site.browser();
            browser.get("/signup");
            browser.post("/signup", "name", "Una", "email", "una@example.org", "password", TestMembers.PASSWORD);
            String first = site.token("una@example.org", 1, "/verify");
            browser.logIn("una@example.org", TestMembers.PASSWORD);
            assertThat(browser.get("/settings").body()).contains("una@example.org is unverified")
                    .contains("action=\"/settings/verify\"");

            for (int i = 0; i < 3; i++) {
                assertThat(browser.post("/settings/verify").statusCode()).isEqualTo(303);
            }
            HttpResponse<String> refused = browser.post("/settings/verify");
            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(refused.headers().firstValue("Retry-After")).isPresent();
            String latest = site.token("una@example.org", 4, "/verify");

            assertThat(browser.post("/verify", "token", first).statusCode()).as("an earlier link").isEqualTo(404);
            assertThat(browser.post("/verify", "token", latest).statusCode()).isEqualTo(200);
            assertThat(browser.get("/settings").body()).contains("una@example.org is verified")
                    .doesNotContain("action=\"/settings/verify\"");
        }
    }

    @StoreTest
    void anEmailChangeTakesEffectOnlyOnceTheNewAddressIsVerified(StoreUrl store) throws Exception {
        try (MailedSite site = new MailedSite(GREENMAIL, store.value(), AccountLimits.defaults())) {
            TestMembers.Browser browser = site.verifiedMember("Moving Mo");
            HttpResponse<String> asked = browser.post("/settings/email", "email", "mo@new.example.org",
                    "password", TestMembers.PASSWORD);
            assertThat(asked.statusCode()).isEqualTo(303);
            assertThat(browser.get("/settings?done=email-sent").body()).contains("A link to verify your new address")
                    .contains("Waiting for verification: <strong>mo@new.example.org</strong>");
            Member before = site.member("movingmo@example.org");
            assertThat(before.verified()).isTrue();
            assertThat(site.browser().logIn("movingmo@example.org", TestMembers.PASSWORD).statusCode())
                    .as("the old address still logs in").isEqualTo(303);

            String token = site.token("mo@new.example.org", 1, "/verify");
            assertThat(browser.post("/verify", "token", token).statusCode()).isEqualTo(200);
            assertThat(site.app.accounts().members().byEmail("movingmo@example.org")).isEmpty();
            Member after = site.member("mo@new.example.org");
            assertThat(after.id()).isEqualTo(before.id());
            assertThat(after.verified()).isTrue();
            assertThat(site.browser().logIn("mo@new.example.org", TestMembers.PASSWORD).statusCode()).isEqualTo(303);
        }
    }

    @StoreTest
    void aChangeToAnAddressTakenMeanwhileChangesNothing(StoreUrl store) throws Exception {
        try (MailedSite site = new MailedSite(GREENMAIL, store.value(), AccountLimits.defaults())) {
            TestMembers.Browser browser = site.verifiedMember("Slow Sam");
            browser.post("/settings/email", "email", "wanted@example.org", "password", TestMembers.PASSWORD);
            String token = site.token("wanted@example.org", 1, "/verify");
            TestMembers.add(site.app.accounts(), "Quick Quinn", "wanted@example.org", Role.MEMBER);

            HttpResponse<String> taken = browser.post("/verify", "token", token);
            assertThat(taken.statusCode()).isEqualTo(409);
            assertThat(site.member("slowsam@example.org").verified()).isTrue();
            assertThat(site.member("wanted@example.org").name()).isEqualTo("Quick Quinn");
        }
    }
}
