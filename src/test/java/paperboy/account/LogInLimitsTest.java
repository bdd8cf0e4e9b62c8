package paperboy.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paperboy.FixtureServer;
import paperboy.http.Throttle;

/** Log-in and sign-up limits on the real server (small ones, so that the test needs few requests). */
class LogInLimitsTest {
    @TempDir
    static Path data;
    static FixtureServer server;

    @BeforeAll
    static void start() throws IOException {
        server = FixtureServer.start(data, new AccountLimits(
                new Throttle("log-ins from this address", 8, Duration.ofHours(1)),
                new Throttle("log-ins to this account", 3, Duration.ofHours(1)),
                new Throttle("sign-ups from this address", 1, Duration.ofHours(1))));
    }

    @AfterAll
    static void stop() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void guessingOnePasswordIsStoppedWith429AndRetryAfterWhetherOrNotTheEmailHasAnAccount() {
        Member ada = TestMembers.add(server.app(), "Guessed Ada", Role.MEMBER);
        TestMembers.Browser guesser = TestMembers.anonymous(server.port());
        for (String email : new String[] {ada.email(), "nobody-here@example.org"}) {
            for (int i = 0; i < 3; i++) {
                assertThat(guesser.logIn(email, "guess number " + i).statusCode()).isEqualTo(401);
            }
            HttpResponse<String> refused = guesser.logIn(email, "guess number 4");
            assertThat(refused.statusCode()).as(email).isEqualTo(429);
            assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(s -> assertThat(Long.parseLong(s)).isPositive());
            assertThat(refused.body()).contains("Too many requests");
        }
        // The right password does not get through either while the account's bucket is empty.
        assertThat(guesser.logIn(ada.email(), TestMembers.PASSWORD).statusCode()).isEqualTo(429);
    }

    @Test
    void aSecondSignUpFromOneAddressWaits() {
        TestMembers.Browser browser = TestMembers.anonymous(server.port());
        assertThat(browser.post("/signup", "name", "First Signer", "email", "first@example.org", "password", TestMembers.PASSWORD)
                .statusCode()).isEqualTo(303);
        HttpResponse<String> second = browser.post("/signup", "name", "Second Signer", "email", "second@example.org",
                "password", TestMembers.PASSWORD);
        assertThat(second.statusCode()).isEqualTo(429);
        assertThat(second.headers().firstValue("Retry-After")).isPresent();
    }
}
