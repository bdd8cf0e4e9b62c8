package paperboy.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paperboy.FixtureServer;

/**
 * Sign-up, log-in, log-out, sessions and CSRF on the real server (fixture days, SQLite), as a
 * browser does them: cookies, forms, redirects.
 */
class AccountPagesTest {
    @TempDir
    static Path data;
    static FixtureServer server;
    static Member ada;

    @BeforeAll
    static void start() throws IOException {
        server = FixtureServer.start(data);
        ada = TestMembers.add(server.app(), "Ada Lovelace", Role.MEMBER);
    }

    @AfterAll
    static void stop() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    private static TestMembers.Browser browser() {
        return TestMembers.anonymous(server.port());
    }

    @Test
    void signUpThenLogInThenLogOut() {
        TestMembers.Browser browser = browser();
        assertThat(browser.get("/signup").body()).contains("name=\"_csrf\"").contains("name=\"password\"");
        HttpResponse<String> signedUp = browser.post("/signup", "name", "Grace Hopper", "email", "grace@example.org",
                "password", TestMembers.PASSWORD);
        assertThat(signedUp.statusCode()).isEqualTo(303);
        assertThat(signedUp.headers().firstValue("Location")).hasValue("/login?signed-up=1");
        assertThat(browser.get("/login?signed-up=1").body()).contains(AccountRoutes.SIGNED_UP);
        assertThat(browser.sessionId()).as("a sign-up does not log in").isNull();

        HttpResponse<String> loggedIn = browser.logIn("grace@example.org", TestMembers.PASSWORD);
        assertThat(loggedIn.statusCode()).isEqualTo(303);
        assertThat(loggedIn.headers().firstValue("Location")).hasValue("/");
        String home = browser.get("/").body();
        assertThat(home).contains("Grace Hopper").contains("action=\"/logout\"").contains("<meta name=\"csrf-token\"")
                .doesNotContain(">Log in<");

        HttpResponse<String> loggedOut = browser.post("/logout");
        assertThat(loggedOut.statusCode()).isEqualTo(303);
        assertThat(browser.sessionId()).isNull();
        assertThat(browser.get("/").body()).contains(">Log in<").doesNotContain("Grace Hopper");
    }

    @Test
    void theSessionCookieIsHttpOnlyLaxAndForTheWholeSite() {
        TestMembers.Browser browser = browser();
        HttpResponse<String> loggedIn = browser.logIn(ada.email(), TestMembers.PASSWORD);
        String cookie = loggedIn.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(Cookies.SESSION + "="))
                .findFirst().orElseThrow();
        assertThat(cookie).contains("; Path=/").contains("; HttpOnly").contains("; SameSite=Lax").contains("; Max-Age=")
                .doesNotContain("Secure"); // the site is http here; see SecureCookieTest
        assertThat(browser.sessionId()).hasSize(43);
        assertThat(browser.get("/", "Cookie", Cookies.SESSION + "=" + browser.sessionId()).headers().firstValue("Cache-Control"))
                .hasValue("private, no-store");
    }

    @Test
    void aLogInStartsANewSessionAndEndsThePlantedOne() {
        TestMembers.Browser browser = TestMembers.logIn(server.port(), ada);
        String first = browser.sessionId();
        browser.logIn(ada.email(), TestMembers.PASSWORD);
        String second = browser.sessionId();
        assertThat(second).isNotEqualTo(first);
        assertThat(server.app().accounts().sessions().find(first)).as("the session from before the log-in").isEmpty();
        assertThat(server.app().accounts().sessions().find(second)).isPresent();
    }

    @Test
    void aLoggedOutSessionCannotBeReplayed() {
        TestMembers.Browser browser = TestMembers.logIn(server.port(), ada);
        String id = browser.sessionId();
        browser.post("/logout");
        HttpResponse<String> replay = server.get("/", "Cookie", Cookies.SESSION + "=" + id);
        assertThat(replay.body()).doesNotContain("Ada Lovelace").contains(">Log in<");
    }

    @Test
    void aFailedLogInSaysTheSameForAnUnknownEmailAndAWrongPassword() {
        HttpResponse<String> unknown = browser().logIn("nobody@example.org", TestMembers.PASSWORD);
        HttpResponse<String> wrong = browser().logIn(ada.email(), "not the password at all");
        assertThat(unknown.statusCode()).isEqualTo(wrong.statusCode()).isEqualTo(401);
        assertThat(unknown.body()).contains(AccountRoutes.REFUSED);
        assertThat(wrong.body()).contains(AccountRoutes.REFUSED);
        assertThat(strip(unknown.body(), "nobody@example.org")).isEqualTo(strip(wrong.body(), ada.email()));
    }

    /** The page without its CSRF tokens and with the email typed taken out. */
    private static String strip(String body, String email) {
        return body.replace(email, "EMAIL").replaceAll("value=\"[A-Za-z0-9_-]{43}\"", "value=\"TOKEN\"");
    }

    @Test
    void aSignUpWithATakenEmailLooksLikeAnyOtherAndChangesNothing() {
        HttpResponse<String> taken = browser().post("/signup", "name", "Mallory", "email", ada.email().toUpperCase(),
                "password", "mallory's own password");
        assertThat(taken.statusCode()).isEqualTo(303);
        assertThat(taken.headers().firstValue("Location")).hasValue("/login?signed-up=1");
        assertThat(browser().logIn(ada.email(), "mallory's own password").statusCode()).isEqualTo(401);
        assertThat(server.app().accounts().members().byName("Mallory")).isEmpty();
    }

    @Test
    void aSignUpWithAnAddressTheDigestWouldRefuseIsRefusedWithTheForm() {
        // Shaped like an address (one @, a dot after it, no space), but a comma cannot stand unquoted in a mailbox.
        HttpResponse<String> refused = browser().post("/signup", "name", "Comma Carl", "email", "carl,c@example.org",
                "password", TestMembers.PASSWORD);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("Enter an email address like name@example.org.").contains("value=\"carl,c@example.org\"");
        assertThat(server.app().accounts().members().byName("Comma Carl")).isEmpty();
    }

    @Test
    void aFormWithoutOrWithAWrongCsrfTokenIsRefused() {
        TestMembers.Browser browser = browser();
        browser.get("/login"); // has the CSRF cookie now
        assertThat(browser.postRaw("/login", "email", ada.email(), "password", TestMembers.PASSWORD).statusCode()).isEqualTo(403);
        assertThat(browser.postRaw("/login", "email", ada.email(), "password", TestMembers.PASSWORD, "_csrf", "forged")
                .statusCode()).isEqualTo(403);
        assertThat(browser.sessionId()).isNull();
        HttpResponse<String> noCookie = TestMembers.anonymous(server.port())
                .postRaw("/signup", "name", "Eve", "email", "eve@example.org", "password", TestMembers.PASSWORD, "_csrf",
                        browser.csrfToken());
        assertThat(noCookie.statusCode()).as("a token without its cookie").isEqualTo(403);
        assertThat(noCookie.body()).contains("did not come from this site");
    }

    @Test
    void aMembersFormsNeedTheirSessionsToken() {
        TestMembers.Browser browser = TestMembers.logIn(server.port(), ada);
        TestMembers.Browser other = TestMembers.logIn(server.port(), ada);
        assertThat(browser.postRaw("/logout").statusCode()).isEqualTo(403);
        assertThat(browser.postRaw("/logout", "_csrf", other.csrfToken()).statusCode()).as("another session's token").isEqualTo(403);
        assertThat(server.app().accounts().sessions().find(browser.sessionId())).as("still logged in").isPresent();
        assertThat(browser.postJson("/logout", "{}").statusCode()).as("the header works as the field does").isEqualTo(303);
    }

    @Test
    void aLogInGoesOnlyToALocalNext() {
        for (String away : new String[] {"//evil.example/x", "https://evil.example/", "/\\evil.example", "javascript:alert(1)"}) {
            TestMembers.Browser browser = browser();
            browser.get("/login");
            HttpResponse<String> answer = browser.post("/login?next=" + java.net.URLEncoder.encode(away, java.nio.charset.StandardCharsets.UTF_8),
                    "email", ada.email(), "password", TestMembers.PASSWORD);
            assertThat(answer.headers().firstValue("Location")).as(away).hasValue("/");
        }
        TestMembers.Browser browser = browser();
        assertThat(browser.get("/login?next=%2F%2Fevil.example").body()).doesNotContain("evil.example");
        HttpResponse<String> home = browser.post("/login?next=%2Fpapers%2Fweek%2F2026-W34", "email", ada.email(),
                "password", TestMembers.PASSWORD);
        assertThat(home.headers().firstValue("Location")).hasValue("/papers/week/2026-W34");
    }

    @Test
    void aDisplayNameIsShownEscaped() {
        String name = "<script>alert('x')</script>";
        TestMembers.Browser browser = browser();
        assertThat(browser.post("/signup", "name", name, "email", "xss@example.org", "password", TestMembers.PASSWORD).statusCode())
                .isEqualTo(303);
        browser.logIn("xss@example.org", TestMembers.PASSWORD);
        String home = browser.get("/").body();
        assertThat(home).doesNotContain("<script>alert").contains("&lt;script&gt;alert('x')&lt;/script&gt;");
    }

    @Test
    void aMembersPageIsNeverKeptInTheSharedCacheNorServedFromIt() {
        TestMembers.Browser member = TestMembers.logIn(server.port(), ada);
        // The member asks first: were their page stored, the visitor after them would get it.
        assertThat(member.get("/papers/month/2026-08").body()).contains("Ada Lovelace");
        String anonymous = server.get("/papers/month/2026-08").body();
        assertThat(anonymous).doesNotContain("Ada Lovelace").doesNotContain("csrf-token").doesNotContain("_csrf").contains(">Log in<");
        // Now the anonymous page is cached: the member still gets their own.
        assertThat(server.get("/papers/month/2026-08").body()).isEqualTo(anonymous);
        assertThat(member.get("/papers/month/2026-08").body()).contains("Ada Lovelace").contains("csrf-token");
    }

    @Test
    void withoutABaseUrlASignUpWorksUnverifiedAndThePasswordResetPageSaysWhyItCannot() {
        TestMembers.Browser browser = browser();
        browser.get("/signup");
        assertThat(browser.post("/signup", "name", "Offline Olga", "email", "olga@example.org", "password", TestMembers.PASSWORD)
                .statusCode()).isEqualTo(303);
        assertThat(browser.get("/login?signed-up=1").body()).contains(AccountRoutes.SIGNED_UP).doesNotContain("verify");
        assertThat(server.app().accounts().members().byEmail("olga@example.org").orElseThrow().verified()).isFalse();
        browser.logIn("olga@example.org", TestMembers.PASSWORD);
        assertThat(browser.get("/settings").body()).contains("olga@example.org is unverified")
                .contains("addresses cannot be verified").doesNotContain("id=\"digest\"");

        HttpResponse<String> reset = browser().get("/password/reset");
        assertThat(reset.statusCode()).isEqualTo(404);
        assertThat(reset.body()).contains("PAPERBOY_BASE_URL").contains("paperboy user password");
    }
}
