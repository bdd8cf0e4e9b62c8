package paperboy.community;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import paperboy.Chromium;
import paperboy.FixtureServer;
import paperboy.account.Member;
import paperboy.account.Role;
import paperboy.account.TestMembers;
import paperboy.paper.ArxivId;
import paperboy.paper.Paper;
import paperboy.paper.PaperUpdate;

/**
 * A member in a real browser, at desktop and phone widths: logs in, submits a paper, upvotes it
 * without a page load (the count changes in place, the address stays), comments and replies.
 */
class CommunityBrowserTest {
    @TempDir
    static Path data;
    static FixtureServer server;

    @BeforeAll
    static void start() throws IOException {
        Instant recent = Instant.now().minus(Duration.ofDays(1));
        server = FixtureServer.start(data, app -> app.papers().upsert(List.of(
                recentPaper("2611.00101", recent), recentPaper("2611.00102", recent)), "test"));
    }

    private static PaperUpdate recentPaper(String id, Instant at) {
        return PaperUpdate.of(new Paper(new ArxivId(id), 1, "Browser paper " + id, "An abstract.", List.of("Ada"),
                List.of("cs.CL"), at, at, null, null, null));
    }

    @AfterAll
    static void stop() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Chromium.Width.class)
    void submitUpvoteCommentAndReply(Chromium.Width width) {
        String suffix = width.name().toLowerCase(Locale.ROOT);
        Member member = TestMembers.add(server.app(), "Reader " + suffix, Role.MEMBER);
        String paper = width == Chromium.Width.DESKTOP ? "2611.00101" : "2611.00102";
        try (Chromium browser = Chromium.start(width)) {
            browser.open(server.port(), "/login");
            browser.type(By.name("email"), member.email());
            browser.type(By.name("password"), TestMembers.PASSWORD);
            browser.click(By.cssSelector(".account-form button[type=submit]"));
            browser.waitForPath("/");

            browser.open(server.port(), "/submit");
            browser.type(By.name("paper"), "arXiv:" + paper);
            browser.click(By.cssSelector(".submit-form button[type=submit]"));
            browser.waitForPath("/papers/" + paper);
            assertThat(browser.find(By.cssSelector(".paper-head .submitted-by")).getText()).contains("Reader " + suffix);

            // The submission came with the member's upvote: take it back and give it again, in place.
            WebElement count = browser.find(By.cssSelector(".paper-head .votes-count"));
            assertThat(count.getText()).isEqualTo("1");
            Object marker = ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("window.sameDocument = true; return 1;");
            assertThat(marker).isNotNull();
            browser.click(By.cssSelector(".paper-head button.vote"));
            browser.waitUntil(d -> d.findElement(By.cssSelector(".paper-head .votes-count")).getText().equals("0"));
            browser.click(By.cssSelector(".paper-head button.vote"));
            browser.waitUntil(d -> d.findElement(By.cssSelector(".paper-head .votes-count")).getText().equals("1"));
            assertThat(browser.find(By.cssSelector(".paper-head button.vote")).getAttribute("aria-pressed")).isEqualTo("true");
            Object same = ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("return window.sameDocument === true;");
            assertThat(same).as("no page load for an upvote").isEqualTo(true);

            browser.type(By.id("comment-body"), "A *first* comment from " + suffix);
            browser.click(By.cssSelector(".comment-form button[type=submit]"));
            browser.waitForPath("/papers/" + paper);
            assertThat(browser.find(By.cssSelector(".comment-body em")).getText()).isEqualTo("first");

            browser.click(By.cssSelector(".comment details.reply > summary"));
            browser.type(By.cssSelector(".comment details.reply textarea"), "A reply");
            browser.click(By.cssSelector(".comment details.reply button[type=submit]"));
            browser.waitForPath("/papers/" + paper);
            assertThat(browser.find(By.cssSelector(".replies .comment-body")).getText()).isEqualTo("A reply");
            assertThat(browser.fitsTheWindow()).as("nothing to scroll sideways at " + width).isTrue();
        }
    }
}
