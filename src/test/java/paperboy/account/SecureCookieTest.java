package paperboy.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paperboy.FixtureServer;

/** Behind https ({@code PAPERBOY_BASE_URL=https://...}) the account cookies are marked Secure. */
class SecureCookieTest {
    @Test
    void cookiesAreSecureWhenTheSiteIsHttps(@TempDir Path data) throws Exception {
        try (FixtureServer server = FixtureServer.startAt(data, URI.create("https://papers.example.org"), app -> {})) {
            Member ada = TestMembers.add(server.app(), "Ada", Role.MEMBER);
            TestMembers.Browser browser = TestMembers.anonymous(server.port());
            HttpResponse<String> form = browser.get("/login");
            assertThat(form.headers().allValues("Set-Cookie")).singleElement().asString()
                    .startsWith(Cookies.CSRF + "=").contains("; HttpOnly; SameSite=Lax; Secure");
            HttpResponse<String> loggedIn = browser.post("/login", "email", ada.email(), "password", TestMembers.PASSWORD);
            assertThat(loggedIn.headers().allValues("Set-Cookie")).singleElement().asString()
                    .startsWith(Cookies.SESSION + "=").contains("; HttpOnly; SameSite=Lax; Secure");
        }
    }
}
