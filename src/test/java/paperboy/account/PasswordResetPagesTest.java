package paperboy.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.extension.RegisterExtension;
import paperboy.db.StoreTest;
import paperboy.db.StoreUrl;

/** A forgotten password set again by mail, on the real server with a real SMTP server, on SQLite and PostgreSQL. */
class PasswordResetPagesTest {
    @RegisterExtension
    static final GreenMailExtension GREENMAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());
    private static final String NEW_PASSWORD = "a quite new password";

    @StoreTest
    void aResetLinkSetsANewPasswordOnceAndLogsOutEverySession(StoreUrl store) throws Exception {
        try (MailedSite site = new MailedSite(GREENMAIL, store.value(), AccountLimits.defaults())) {
            TestMembers.Browser here = site.verifiedMember("Forgetful Fay");
            TestMembers.Browser elsewhere = site.browser();
            elsewhere.logIn("forgetfulfay@example.org", TestMembers.PASSWORD);
            TestMembers.Browser visitor = site.browser();
            assertThat(visitor.get("/login").body()).contains("href=\"/password/reset\"");
            assertThat(visitor.get("/password/reset").statusCode()).isEqualTo(200);
            HttpResponse<String> asked = visitor.post("/password/reset", "email", "ForgetfulFay@example.org ");
            assertThat(asked.statusCode()).isEqualTo(200);
            assertThat(asked.body()).contains("Check your inbox");
            var mail = site.inbox("forgetfulfay@example.org", 2).get(1);
            assertThat(mail.getSubject()).isEqualTo("Set a new Paperboy password");
            String token = site.token("forgetfulfay@example.org", 2, "/password/reset/new");

            HttpResponse<String> form = visitor.get("/password/reset/new?token=" + token);
            assertThat(form.statusCode()).isEqualTo(200);
            assertThat(form.body()).contains("forgetfulfay@example.org").contains("name=\"password\"");
            assertThat(form.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
            assertThat(visitor.postRaw("/password/reset/new", "token", token, "password", NEW_PASSWORD).statusCode())
                    .as("no CSRF token").isEqualTo(403);
            HttpResponse<String> weak = visitor.post("/password/reset/new", "token", token, "password", "short");
            assertThat(weak.statusCode()).isEqualTo(422);
            assertThat(weak.body()).contains("at least 10");

            HttpResponse<String> set = visitor.post("/password/reset/new", "token", token, "password", NEW_PASSWORD);
            assertThat(set.statusCode()).isEqualTo(303);
            assertThat(set.headers().firstValue("Location")).hasValue("/login?reset=1");
            assertThat(visitor.get("/login?reset=1").body()).contains("Your new password is set");
            assertThat(here.get("/settings").statusCode()).as("logged out").isEqualTo(303);
            assertThat(elsewhere.get("/settings").statusCode()).as("logged out").isEqualTo(303);
            assertThat(site.browser().logIn("forgetfulfay@example.org", TestMembers.PASSWORD).statusCode()).isEqualTo(401);
            assertThat(site.browser().logIn("forgetfulfay@example.org", NEW_PASSWORD).statusCode()).isEqualTo(303);

            HttpResponse<String> reused = visitor.post("/password/reset/new", "token", token, "password", "yet another password");
            assertThat(reused.statusCode()).isEqualTo(404);
            assertThat(reused.body()).contains("This link is not valid");
            assertThat(visitor.get("/password/reset/new?token=" + token).statusCode()).isEqualTo(404);
        }
    }

    @StoreTest
    void theAnswerIsTheSameForAnUnknownAddressAndNoMailGoesThere(StoreUrl store) throws Exception {
        try (MailedSite site = new MailedSite(GREENMAIL, store.value(), AccountLimits.defaults())) {
            site.verifiedMember("Known Kim");
            String unknown = site.browser().post("/password/reset", "email", "nobody@example.org").body();
            String known = site.browser().post("/password/reset", "email", "knownkim@example.org").body();
            assertThat(unknown).isEqualTo(known);
            // Mails leave one at a time, in order: once the last one asked for is in, nothing else is coming.
            assertThat(site.inbox("knownkim@example.org", 2)).hasSize(2); // the verification mail, then the reset
            assertThat(site.inbox("nobody@example.org", 0)).isEmpty();
        }
    }

    @StoreTest
    void aResetThroughAnUnverifiedAddressVerifiesIt(StoreUrl store) throws Exception {
        // Someone else opened an account with Uli's address: the reset link reaches Uli, who takes it back.
        try (MailedSite site = new MailedSite(GREENMAIL, store.value(), AccountLimits.defaults())) {
            TestMembers.add(site.app.accounts(), "Unverified Uli", "uli@example.org", Role.MEMBER);
            Member squatter = site.app.accounts().members().byEmail("uli@example.org").orElseThrow();
            assertThat(squatter.verified()).isFalse();
            site.app.accounts().tokens().make(squatter.id(), "the squatter's script");
            TestMembers.Browser owner = site.browser();
            assertThat(owner.post("/password/reset", "email", "uli@example.org").statusCode()).isEqualTo(200);
            String token = site.token("uli@example.org", 1, "/password/reset/new");

            assertThat(owner.post("/password/reset/new", "token", token, "password", NEW_PASSWORD).statusCode()).isEqualTo(303);

            assertThat(site.app.accounts().members().byEmail("uli@example.org").orElseThrow().verified()).isTrue();
            assertThat(site.app.accounts().tokens().of(squatter.id())).as("API tokens revoked").isEmpty();
            assertThat(site.browser().logIn("uli@example.org", TestMembers.PASSWORD).statusCode()).isEqualTo(401);
            assertThat(site.browser().logIn("uli@example.org", NEW_PASSWORD).statusCode()).isEqualTo(303);
        }
    }

    @StoreTest
    void asksAreLimitedPerAddressAskedForAndPerClient(StoreUrl store) throws Exception {
        try (MailedSite site = new MailedSite(GREENMAIL, store.value(), AccountLimits.defaults())) {
            TestMembers.Browser visitor = site.browser();
            for (int i = 0; i < 3; i++) {
                assertThat(visitor.post("/password/reset", "email", "target@example.org").statusCode()).isEqualTo(200);
            }
            HttpResponse<String> refused = visitor.post("/password/reset", "email", "TARGET@example.org");
            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(refused.headers().firstValue("Retry-After")).isPresent();
            for (int i = 0; i < 6; i++) { // 10 per client address: 4 spent above
                assertThat(visitor.post("/password/reset", "email", "other" + i + "@example.org").statusCode()).isEqualTo(200);
            }
            assertThat(visitor.post("/password/reset", "email", "fresh@example.org").statusCode()).isEqualTo(429);
        }
    }

    @StoreTest
    void aNewPasswordForABannedMemberLeavesThemBanned(StoreUrl store) throws Exception {
        try (MailedSite site = new MailedSite(GREENMAIL, store.value(), AccountLimits.defaults())) {
            site.verifiedMember("Banned Ben");
            site.browser().post("/password/reset", "email", "bannedben@example.org");
            String token = site.token("bannedben@example.org", 2, "/password/reset/new");
            Member ben = site.member("bannedben@example.org");
            site.app.accounts().setStatus(ben, MemberStatus.BANNED);

            TestMembers.Browser visitor = site.browser();
            visitor.get("/password/reset/new?token=" + token);
            assertThat(visitor.post("/password/reset/new", "token", token, "password", NEW_PASSWORD).statusCode()).isEqualTo(303);
            assertThat(site.member("bannedben@example.org").status()).isEqualTo(MemberStatus.BANNED);
            assertThat(site.browser().logIn("bannedben@example.org", NEW_PASSWORD).statusCode()).isEqualTo(403);
            // And a banned member gets no new link (mails leave in order: once a later one is in, none is coming).
            site.browser().post("/password/reset", "email", "bannedben@example.org");
            site.verifiedMember("Later Lee");
            assertThat(site.inbox("laterlee@example.org", 1)).hasSize(1);
            assertThat(site.inbox("bannedben@example.org", 0)).hasSize(2);
        }
    }
}
