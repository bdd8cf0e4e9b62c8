package paperboy.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paperboy.FixtureServer;

/** {@code /settings} on the real server: changes that need the password, API tokens, deleting the account. */
class SettingsPagesTest {
    private static final Pattern TOKEN = Pattern.compile("<code class=\"token\">(pb_[A-Za-z0-9_-]+)</code>");

    @TempDir
    static Path data;
    static FixtureServer server;

    @BeforeAll
    static void start() throws IOException {
        server = FixtureServer.start(data);
    }

    @AfterAll
    static void stop() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    private static TestMembers.Browser member(String name) {
        return TestMembers.logIn(server.port(), TestMembers.add(server.app(), name, Role.MEMBER));
    }

    @Test
    void settingsNeedALoggedInMember() {
        HttpResponse<String> settings = server.get("/settings?x=1");
        assertThat(settings.statusCode()).isEqualTo(303);
        assertThat(settings.headers().firstValue("Location")).hasValue("/login?next=%2Fsettings%3Fx%3D1");
    }

    @Test
    void aNewPasswordNeedsTheCurrentOneAndLogsOutEveryOtherSession() {
        TestMembers.Browser here = member("Pass Changer");
        TestMembers.Browser elsewhere = TestMembers.anonymous(server.port());
        elsewhere.logIn(TestMembers.email("Pass Changer"), TestMembers.PASSWORD);
        assertThat(here.post("/settings/password", "password", "not my password", "new_password", "a brand new password")
                .statusCode()).isEqualTo(422);
        HttpResponse<String> changed = here.post("/settings/password", "password", TestMembers.PASSWORD,
                "new_password", "a brand new password");
        assertThat(changed.statusCode()).isEqualTo(303);
        assertThat(here.get("/settings?done=password").body()).contains("every other session");
        assertThat(elsewhere.get("/settings").statusCode()).as("the other browser is logged out").isEqualTo(303);
        assertThat(TestMembers.anonymous(server.port()).logIn(TestMembers.email("Pass Changer"), "a brand new password")
                .statusCode()).isEqualTo(303);
    }

    @Test
    void aNameChangeIsRefusedWhenTaken() {
        TestMembers.add(server.app(), "Taken Name", Role.MEMBER);
        TestMembers.Browser browser = member("Renamer");
        HttpResponse<String> taken = browser.post("/settings/name", "name", "taken name");
        assertThat(taken.statusCode()).isEqualTo(422);
        assertThat(taken.body()).contains("That display name is taken");
        assertThat(browser.post("/settings/name", "name", "Renamed Person").statusCode()).isEqualTo(303);
        assertThat(browser.get("/").body()).contains("Renamed Person");
    }

    @Test
    void anEmailChangeNeedsThePassword() {
        TestMembers.Browser browser = member("Mover");
        assertThat(browser.post("/settings/email", "email", "moved@example.org", "password", "wrong password!")
                .statusCode()).isEqualTo(422);
        assertThat(browser.post("/settings/email", "email", "moved@example.org", "password", TestMembers.PASSWORD)
                .statusCode()).isEqualTo(303);
        assertThat(server.app().accounts().members().byEmail("moved@example.org")).isPresent();
    }

    @Test
    void anEmailChangeToAnAddressTheDigestWouldRefuseIsRefused() {
        TestMembers.Browser browser = member("Underscore Mover");
        HttpResponse<String> refused = browser.post("/settings/email", "email", "mover@mail_host.example.org",
                "password", TestMembers.PASSWORD);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("Enter an email address like name@example.org.");
        assertThat(server.app().accounts().members().byEmail("mover@mail_host.example.org")).isEmpty();
    }

    @Test
    void anApiTokenIsShownOnceListedAndRevocable() {
        TestMembers.Browser browser = member("Token Maker");
        HttpResponse<String> made = browser.post("/settings/tokens", "label", "my <b>script</b>");
        assertThat(made.statusCode()).isEqualTo(201);
        Matcher matcher = TOKEN.matcher(made.body());
        assertThat(matcher.find()).isTrue();
        String token = matcher.group(1);
        assertThat(made.body()).contains("my &lt;b&gt;script&lt;/b&gt;");

        HttpResponse<String> api = server.get("/api/daily_papers?limit=1", "Authorization", "Bearer " + token);
        assertThat(api.statusCode()).isEqualTo(200);
        String listed = browser.get("/settings").body();
        assertThat(listed).doesNotContain(token).contains("my &lt;b&gt;script&lt;/b&gt;").doesNotContain(">never<");

        long id = server.app().accounts().tokens().of(server.app().accounts().members().byName("Token Maker").orElseThrow().id())
                .getFirst().id();
        assertThat(browser.post("/settings/tokens/" + id + "/revoke").statusCode()).isEqualTo(303);
        HttpResponse<String> revoked = server.get("/api/daily_papers?limit=1", "Authorization", "Bearer " + token);
        assertThat(revoked.statusCode()).isEqualTo(401);
        assertThat(revoked.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
    }

    @Test
    void aMemberCannotRevokeAnotherMembersToken() {
        Member owner = TestMembers.add(server.app(), "Token Owner", Role.MEMBER);
        ApiTokens.Made made = server.app().accounts().tokens().make(owner.id(), "mine");
        TestMembers.Browser other = member("Token Thief");
        assertThat(other.post("/settings/tokens/" + made.id() + "/revoke").statusCode()).isEqualTo(404);
        assertThat(server.app().accounts().tokens().find(made.token())).isPresent();
    }

    @Test
    void anApiTokenAuthorisesApiCallsAndNeedsNoCsrfToken() {
        Member ada = TestMembers.add(server.app(), "Bearer Ada", Role.MEMBER);
        ApiTokens.Made made = server.app().accounts().tokens().make(ada.id(), "script");
        TestMembers.Browser program = TestMembers.anonymous(server.port());
        HttpResponse<String> withToken = program.send("GET", "/api/daily_papers?limit=1", "Authorization", "Bearer " + made.token());
        assertThat(withToken.statusCode()).isEqualTo(200);
        assertThat(withToken.headers().firstValue("Cache-Control")).hasValue("private, no-store");
        HttpResponse<String> badToken = program.send("GET", "/api/daily_papers?limit=1", "Authorization", "Bearer pb_nope");
        assertThat(badToken.statusCode()).isEqualTo(401);
        assertThat(badToken.body()).startsWith("{\"error\":");
        // A POST with the token passes the CSRF check (no route takes this POST yet, so 405 rather than 403).
        assertThat(program.send("POST", "/api/daily_papers", "Authorization", "Bearer " + made.token()).statusCode()).isEqualTo(405);
        // A token outside /api/ counts for nothing: that page is anonymous.
        assertThat(program.send("GET", "/settings", "Authorization", "Bearer " + made.token()).statusCode()).isEqualTo(303);
    }

    @Test
    void anApiWriteWithNoCredentialsIsTold401NotAFormError() {
        TestMembers.Browser program = TestMembers.anonymous(server.port());
        // A program with no token, no cookie and no CSRF token, as curl sends it.
        HttpResponse<String> nobody = program.send("POST", "/api/papers/index", "Content-Type", "application/json");
        assertThat(nobody.statusCode()).isEqualTo(401);
        assertThat(nobody.body()).startsWith("{\"error\":");
        // A logged-in browser's cookie is what a forgery would borrow: without the token it is 403.
        TestMembers.Browser browser = member("Cookie Holder");
        browser.setCsrfToken("wrong");
        assertThat(browser.postJson("/api/papers/index", "{\"arxivId\":\"2608.19880\"}").statusCode()).isEqualTo(403);
    }

    @Test
    void deletingTheAccountNeedsThePasswordAndLeavesAnAnonymousRow() {
        TestMembers.Browser browser = member("Leaver");
        long id = server.app().accounts().members().byName("Leaver").orElseThrow().id();
        assertThat(browser.post("/settings/delete", "password", TestMembers.PASSWORD).statusCode()).as("no tick").isEqualTo(422);
        assertThat(browser.post("/settings/delete", "password", "wrong password!", "confirm", "yes").statusCode()).isEqualTo(422);
        HttpResponse<String> deleted = browser.post("/settings/delete", "password", TestMembers.PASSWORD, "confirm", "yes");
        assertThat(deleted.statusCode()).isEqualTo(303);
        assertThat(browser.sessionId()).isNull();
        assertThat(server.app().accounts().members().byId(id)).hasValueSatisfying(m -> {
            assertThat(m.name()).isEqualTo(Member.DELETED_NAME);
            assertThat(m.status()).isEqualTo(MemberStatus.DELETED);
        });
        assertThat(TestMembers.anonymous(server.port()).logIn(TestMembers.email("Leaver"), TestMembers.PASSWORD).statusCode())
                .isEqualTo(401);
    }
}
