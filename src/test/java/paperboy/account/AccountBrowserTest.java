package paperboy.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import paperboy.Chromium;
import paperboy.FixtureServer;

/** Signing up, logging in and out in a real browser, at desktop and phone widths. */
class AccountBrowserTest {
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

    @ParameterizedTest
    @EnumSource(Chromium.Width.class)
    void signUpLogInAndLogOut(Chromium.Width width) {
        String name = "Browser " + width.name().toLowerCase(java.util.Locale.ROOT);
        String email = TestMembers.email(name);
        try (Chromium browser = Chromium.start(width)) {
            browser.open(server.port(), "/");
            browser.click(By.linkText("Sign up"));
            browser.waitForPath("/signup");
            browser.type(By.name("name"), name);
            browser.type(By.name("email"), email);
            browser.type(By.name("password"), TestMembers.PASSWORD);
            browser.click(By.cssSelector(".account-form button[type=submit]"));

            browser.waitForPath("/login");
            assertThat(browser.find(By.cssSelector(".form-notice")).getText()).isEqualTo(AccountRoutes.SIGNED_UP);
            browser.type(By.name("email"), email);
            browser.type(By.name("password"), TestMembers.PASSWORD);
            browser.click(By.cssSelector(".account-form button[type=submit]"));

            browser.waitForPath("/");
            assertThat(browser.find(By.cssSelector(".account-name")).getText()).isEqualTo(name);
            assertThat(browser.find(By.linkText("Settings")).isDisplayed()).isTrue();
            assertThat(browser.fitsTheWindow()).as("nothing to scroll sideways at " + width).isTrue();

            browser.click(By.cssSelector(".logout-form button"));
            browser.waitForPath("/");
            assertThat(browser.find(By.linkText("Log in")).isDisplayed()).isTrue();
            assertThat(browser.text()).doesNotContain(name);
        }
    }
}
