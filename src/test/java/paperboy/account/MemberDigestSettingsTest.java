package paperboy.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import paperboy.db.StoreTest;
import paperboy.db.StoreUrl;
import paperboy.subscription.EmailAddress;
import paperboy.subscription.Frequency;
import paperboy.subscription.Subscriber;
import paperboy.subscription.Topic;

/** A member's digest on {@code /settings}, tied to their account, on SQLite and PostgreSQL. */
class MemberDigestSettingsTest {
    @RegisterExtension
    static final GreenMailExtension GREENMAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private static Subscriber subscriber(MailedSite site, String email) {
        return site.app.subscriptions().store().find(EmailAddress.of(email)).orElseThrow();
    }

    @StoreTest
    void aVerifiedMemberSubscribesWithoutAConfirmationMailAndChangesOrEndsIt(StoreUrl store) throws Exception {
        try (MailedSite site = new MailedSite(GREENMAIL, store.value(), AccountLimits.defaults())) {
            TestMembers.Browser browser = site.verifiedMember("Reader Rae");
            Member rae = site.member("readerrae@example.org");
            assertThat(browser.get("/settings").body()).contains("id=\"digest\"").contains(">Subscribe</button>");

            HttpResponse<String> subscribed = browser.post("/settings/digest", "action", "save", "frequency", "weekly",
                    "topic", "retrieval cat:cs.CL");
            assertThat(subscribed.statusCode()).isEqualTo(303);
            Subscriber s = subscriber(site, "readerrae@example.org");
            assertThat(s.state()).isEqualTo(Subscriber.State.CONFIRMED);
            assertThat(s.frequency()).isEqualTo(Frequency.WEEKLY);
            assertThat(s.memberId()).isEqualTo(rae.id());
            assertThat(site.app.subscriptions().topics(s)).containsExactly("retrieval cat:cs.CL");
            assertThat(browser.get("/settings?done=subscribed").body()).contains("The weekly digest goes to readerrae@example.org")
                    .contains("retrieval cat:cs.CL");

            assertThat(browser.post("/settings/digest", "action", "save", "frequency", "daily").statusCode()).isEqualTo(303);
            assertThat(browser.post("/settings/digest", "action", "add-topic", "topic", "sparse attention").statusCode()).isEqualTo(303);
            assertThat(browser.post("/settings/digest", "action", "remove-topic", "topic", "retrieval cat:cs.CL").statusCode())
                    .isEqualTo(303);
            assertThat(subscriber(site, "readerrae@example.org").frequency()).isEqualTo(Frequency.DAILY);
            assertThat(site.app.subscriptions().topics(s)).containsExactly("sparse attention");
            assertThat(browser.postRaw("/settings/digest", "action", "unsubscribe").statusCode()).as("no CSRF token").isEqualTo(403);
            assertThat(browser.post("/settings/digest", "action", "unsubscribe").statusCode()).isEqualTo(303);
            assertThat(subscriber(site, "readerrae@example.org").state()).isEqualTo(Subscriber.State.UNSUBSCRIBED);
            assertThat(site.inbox("readerrae@example.org", 1)).as("only the verification mail").hasSize(1);
        }
    }

    @StoreTest
    void anUnverifiedMemberIsAskedToVerifyFirst(StoreUrl store) throws Exception {
        try (MailedSite site = new MailedSite(GREENMAIL, store.value(), AccountLimits.defaults())) {
            TestMembers.Browser browser = TestMembers.logIn(site.web.port(),
                    TestMembers.add(site.app.accounts(), "Hasty Hal", "hal@example.org", Role.MEMBER));
            assertThat(browser.get("/settings").body()).contains("Verify your email address to get trending papers by mail");
            HttpResponse<String> refused = browser.post("/settings/digest", "action", "save", "frequency", "daily");
            assertThat(refused.statusCode()).isEqualTo(422);
            assertThat(refused.body()).contains(DigestSettingsRoutes.VERIFY_FIRST);
            assertThat(site.app.subscriptions().store().find(EmailAddress.of("hal@example.org"))).isEmpty();
        }
    }

    @StoreTest
    void anAnonymousSubscriptionOfTheAddressBecomesTheMembersAndFollowsAChangeOfEmail(StoreUrl store) throws Exception {
        try (MailedSite site = new MailedSite(GREENMAIL, store.value(), AccountLimits.defaults())) {
            Subscriber before = site.app.subscriptions().add(EmailAddress.of("tess@example.org"), Frequency.WEEKLY,
                    List.of(new Topic("graph neural networks")), true);
            Subscriber waiting = site.app.subscriptions().add(EmailAddress.of("tess@new.example.org"), Frequency.DAILY,
                    List.of(new Topic("protein folding")), true);
            TestMembers.Browser browser = site.browser();
            browser.get("/signup");
            browser.post("/signup", "name", "Tess", "email", "tess@example.org", "password", TestMembers.PASSWORD);
            browser.post("/verify", "token", site.token("tess@example.org", 1, "/verify"));
            long tess = site.member("tess@example.org").id();

            Subscriber linked = subscriber(site, "tess@example.org");
            assertThat(linked.id()).isEqualTo(before.id());
            assertThat(linked.memberId()).isEqualTo(tess);
            browser.logIn("tess@example.org", TestMembers.PASSWORD);
            assertThat(browser.get("/settings").body()).contains("The weekly digest goes to tess@example.org")
                    .contains("graph neural networks");
            assertThat(browser.post("/settings/digest", "action", "save", "frequency", "weekly").statusCode()).isEqualTo(303);
            assertThat(site.app.subscriptions().store().count()).as("linked, not duplicated").isEqualTo(2);

            browser.post("/settings/email", "email", "tess@new.example.org", "password", TestMembers.PASSWORD);
            assertThat(subscriber(site, "tess@example.org").id()).as("not before the new address is verified").isEqualTo(before.id());
            browser.post("/verify", "token", site.token("tess@new.example.org", 1, "/verify"));
            Subscriber moved = subscriber(site, "tess@new.example.org");
            assertThat(moved.id()).isEqualTo(before.id());
            assertThat(moved.memberId()).isEqualTo(tess);
            assertThat(site.app.subscriptions().topics(moved)).containsExactlyInAnyOrder("graph neural networks", "protein folding");
            assertThat(site.app.subscriptions().store().find(EmailAddress.of("tess@example.org"))).isEmpty();
            assertThat(site.app.subscriptions().store().find(waiting.id())).as("merged into the member's").isEmpty();

            browser.post("/settings/delete", "password", TestMembers.PASSWORD, "confirm", "yes");
            assertThat(site.app.subscriptions().store().count()).as("the digest goes with the account").isZero();
        }
    }
}
