package paperboy.community;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paperboy.FixtureServer;
import paperboy.account.Member;
import paperboy.account.Role;
import paperboy.account.TestMembers;
import paperboy.config.ArxivSettings;
import paperboy.config.CommunitySettings;
import paperboy.config.Config;
import paperboy.paper.ArxivId;
import paperboy.paper.Paper;
import paperboy.paper.PaperUpdate;

/**
 * Submitting, upvoting and discussing on the real server (fixture days, SQLite, arXiv replaced by a
 * recorded answer), as browsers and programs do it: every rule, and every refusal with its status.
 */
class CommunityPagesTest {
    /** A featured fixture paper (2026-08-21, 11 upvotes imported). */
    static final String LISTED = "2608.12149";
    static final String HOSTILE_NAME = "Mallory <script>alert(1)</script>";

    @TempDir
    static Path data;
    static ArxivStub arxiv;
    static FixtureServer server;
    static Member ada, bob, mallory, mod, admin;

    @BeforeAll
    static void start() throws IOException {
        arxiv = new ArxivStub(ArxivStub.DEEP_DREAM);
        Config config = new Config(0, data, null, false)
                .withArxiv(new ArxivSettings(ArxivSettings.DEFAULT_OAI_URL, arxiv.apiUrl(), Duration.ZERO,
                        "mailto:ops@example.org", List.of(), null, List.of(), null))
                .withCommunity(new CommunitySettings(14, 3, 10_000));
        server = FixtureServer.start(config, app -> app.papers().upsert(recentPapers(), "test"));
        ada = TestMembers.add(server.app(), "Ada Lovelace", Role.MEMBER);
        bob = TestMembers.add(server.app(), "Bob", Role.MEMBER);
        mallory = TestMembers.add(server.app(), HOSTILE_NAME, Role.MEMBER);
        mod = TestMembers.add(server.app(), "Moderator Max", Role.MODERATOR);
        admin = TestMembers.add(server.app(), "Admin Alice", Role.ADMIN);
    }

    /** Papers the store has but no list: first versions two days old, 2611.000NN. */
    private static List<PaperUpdate> recentPapers() {
        List<PaperUpdate> updates = new ArrayList<>();
        Instant twoDaysAgo = Instant.now().minus(Duration.ofDays(2));
        for (int i = 1; i <= 12; i++) {
            updates.add(PaperUpdate.of(new Paper(new ArxivId(recent(i)), 1, "Recent paper " + i, "An abstract.",
                    List.of("Ada"), List.of("cs.CL"), twoDaysAgo, twoDaysAgo, null, null, null)));
        }
        return updates;
    }

    static String recent(int i) {
        return String.format("2611.%05d", i);
    }

    @AfterAll
    static void stop() throws IOException {
        if (server != null) {
            server.close();
        }
        if (arxiv != null) {
            arxiv.close();
        }
    }

    private static TestMembers.Browser as(Member member) {
        return TestMembers.logIn(server.port(), member);
    }

    private static int upvotes(String paper) {
        return FixtureServer.json(server.get("/api/papers/" + paper)).path("upvotes").asInt();
    }

    // ---- upvotes

    @Test
    void anUpvoteWithoutScriptComesBackToThePageAndFillsTheButton() {
        var browser = as(ada);
        int before = upvotes("2608.18580");

        HttpResponse<String> answer = browser.post("/papers/2608.18580/upvote", "upvoted", "true", "next", "/papers/date/2026-08-21");

        assertThat(answer.statusCode()).isEqualTo(303);
        assertThat(answer.headers().firstValue("Location")).hasValue("/papers/date/2026-08-21#paper-2608.18580");
        assertThat(upvotes("2608.18580")).isEqualTo(before + 1);
        String page = browser.get("/papers/2608.18580").body();
        assertThat(page).contains("class=\"vote voted\"").contains("aria-pressed=\"true\"");
        assertThat(server.get("/papers/2608.18580").body()).doesNotContain("vote voted").doesNotContain("csrf-token");
    }

    /** The card of {@code paper} on a list page, from its article to the end of it. */
    private static String card(String page, String paper) {
        int start = page.indexOf("id=\"paper-" + paper + "\"");
        assertThat(start).as("the card of %s", paper).isNotNegative();
        return page.substring(start, page.indexOf("</article>", start));
    }

    /** The first two papers the latest list shows. */
    private static List<String> latestPapers() {
        List<String> ids = new ArrayList<>();
        Matcher m = Pattern.compile("<article class=\"card\" id=\"paper-([^\"]+)\"").matcher(server.get("/").body());
        while (ids.size() < 2 && m.find()) {
            ids.add(m.group(1));
        }
        assertThat(ids).hasSize(2);
        return ids;
    }

    @Test
    void aMembersUpvoteShowsOnTheirNextLatestListAndTakenBackIsGone() {
        var cara = as(TestMembers.add(server.app(), "Cara", Role.MEMBER));
        String paper = latestPapers().get(0);
        assertThat(card(cara.get("/").body(), paper)).doesNotContain("vote voted"); // the list is remembered now
        int before = upvotes(paper);

        assertThat(cara.postJson("/papers/" + paper + "/upvote", "").statusCode()).isEqualTo(200);
        String up = card(cara.get("/").body(), paper);
        assertThat(up).contains("class=\"vote voted\"").contains("aria-pressed=\"true\"")
                .contains("<span class=\"votes-count\">" + (before + 1) + "</span>");
        assertThat(card(server.get("/").body(), paper)).doesNotContain("vote voted");

        assertThat(cara.postJson("/papers/" + paper + "/upvote", "").statusCode()).isEqualTo(200);
        assertThat(card(cara.get("/").body(), paper)).doesNotContain("vote voted")
                .contains("<span class=\"votes-count\">" + before + "</span>");
    }

    @Test
    void twoMembersEachSeeTheirOwnUpvotesNameAndTokenOnOneList() {
        var dora = as(TestMembers.add(server.app(), "Dora", Role.MEMBER));
        var emil = as(TestMembers.add(server.app(), "Emil", Role.MEMBER));
        List<String> papers = latestPapers();
        assertThat(dora.post("/papers/" + papers.get(0) + "/upvote", "upvoted", "true", "next", "/").statusCode()).isEqualTo(303);
        assertThat(emil.post("/papers/" + papers.get(1) + "/upvote", "upvoted", "true", "next", "/").statusCode()).isEqualTo(303);

        String dorasPage = dora.get("/").body();
        String emilsPage = emil.get("/").body();

        assertThat(card(dorasPage, papers.get(0))).contains("vote voted");
        assertThat(card(dorasPage, papers.get(1))).doesNotContain("vote voted");
        assertThat(card(emilsPage, papers.get(1))).contains("vote voted");
        assertThat(card(emilsPage, papers.get(0))).doesNotContain("vote voted");
        assertThat(dorasPage).contains("Dora").doesNotContain("Emil").contains(dora.csrfToken()).doesNotContain(emil.csrfToken());
        assertThat(emilsPage).contains("Emil").doesNotContain("Dora").contains(emil.csrfToken()).doesNotContain(dora.csrfToken());
    }

    @Test
    void aScriptGetsTheNewStateAsJsonAndTheToggleTakesItBack() {
        var browser = as(bob);
        int before = upvotes("2608.18580");

        HttpResponse<String> up = browser.postJson("/papers/2608.18580/upvote", "");
        assertThat(up.statusCode()).isEqualTo(200);
        assertThat(FixtureServer.json(up).path("upvoted").asBoolean()).isTrue();
        assertThat(FixtureServer.json(up).path("upvotes").asInt()).isEqualTo(before + 1);

        HttpResponse<String> down = browser.postJson("/papers/2608.18580/upvote", "");
        assertThat(FixtureServer.json(down).path("upvoted").asBoolean()).isFalse();
        assertThat(FixtureServer.json(down).path("upvotes").asInt()).isEqualTo(before);
    }

    @Test
    void parallelUpvotesOfOneMemberCountOnce() throws Exception {
        var browser = as(ada);
        String token = browser.csrfToken();
        int before = upvotes("2608.12149");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> statuses = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            statuses.add(pool.submit(() -> {
                go.await();
                return browser.postRaw("/papers/2608.12149/upvote", "upvoted", "true", "_csrf", token).statusCode();
            }));
        }
        go.countDown();
        for (Future<Integer> s : statuses) {
            assertThat(s.get()).isEqualTo(303);
        }
        pool.shutdown();
        assertThat(upvotes("2608.12149")).isEqualTo(before + 1);
    }

    @Test
    void aVisitorWhoIsNotLoggedInIsSentToLogInAndBack() {
        String page = server.get("/papers/date/2026-08-21").body();
        assertThat(page).contains("href=\"/login?next=%2Fpapers%2Fdate%2F2026-08-21\"").doesNotContain("vote-form");

        var anonymous = TestMembers.anonymous(server.port()); // with the CSRF cookie of /login
        HttpResponse<String> answer = anonymous.post("/papers/2608.12149/upvote");
        assertThat(answer.statusCode()).isEqualTo(303);
        assertThat(answer.headers().firstValue("Location").orElseThrow()).startsWith("/login");
    }

    @Test
    void aFormWithoutOrWithAWrongCsrfTokenIsRefused() {
        var browser = as(ada);
        for (String path : List.of("/papers/2608.12149/upvote", "/papers/2608.12149/comments", "/submit", "/comments/1/delete")) {
            assertThat(browser.postRaw(path, "body", "hi", "paper", recent(12)).statusCode()).as(path).isEqualTo(403);
            assertThat(browser.postRaw(path, "body", "hi", "paper", recent(12), "_csrf", "forged").statusCode()).as(path).isEqualTo(403);
        }
    }

    @Test
    void theNextPageIsLocalOnly() {
        HttpResponse<String> answer = as(ada).post("/papers/2608.18580/upvote", "upvoted", "false", "next", "//evil.example/x");
        assertThat(answer.headers().firstValue("Location")).hasValue("/#paper-2608.18580");
    }

    // ---- submissions

    @Test
    void aPaperTheStoreHasGoesOnTodaysListSubmittedByTheMember() {
        HttpResponse<String> answer = as(ada).post("/submit", "paper", "https://arxiv.org/abs/" + recent(1) + "v1");

        assertThat(answer.statusCode()).isEqualTo(303);
        assertThat(answer.headers().firstValue("Location")).hasValue("/papers/" + recent(1));
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        String list = server.get("/papers/date/" + today).body();
        assertThat(list).contains("Recent paper 1").contains("Submitted by Ada Lovelace");
        assertThat(server.get("/papers/" + recent(1)).body()).contains("Submitted by Ada Lovelace");
        JsonNode items = FixtureServer.json(server.get("/api/daily_papers?date=" + today));
        JsonNode item = java.util.stream.StreamSupport.stream(items.spliterator(), false)
                .filter(i -> i.path("paper").path("id").asText().equals(recent(1))).findFirst().orElseThrow();
        assertThat(item.path("submittedBy").path("name").asText()).isEqualTo("Ada Lovelace");
        assertThat(item.path("paper").path("submittedOnDailyBy").path("user").asText()).isEqualTo("Ada Lovelace");
        assertThat(FixtureServer.json(server.get("/api/papers/" + recent(1))).path("submittedOnDailyBy").path("name").asText())
                .isEqualTo("Ada Lovelace");
        JsonNode mine = FixtureServer.json(server.get("/api/daily_papers?submitter=Ada%20Lovelace"));
        assertThat(mine.findValuesAsText("id")).contains(recent(1));
        assertThat(FixtureServer.json(server.get("/api/daily_papers?submitter=Nobody%20Here"))).isEmpty();
        assertThat(arxiv.requests()).isZero();
    }

    @Test
    void aPaperAlreadyListedIsUpvotedAndLinkedNotListedAgain() {
        int before = upvotes(LISTED);
        HttpResponse<String> answer = as(bob).post("/submit", "paper", LISTED);

        assertThat(answer.headers().firstValue("Location")).hasValue("/papers/" + LISTED + "?already=1");
        assertThat(upvotes(LISTED)).isGreaterThanOrEqualTo(before); // bob's upvote, unless he had one
        assertThat(as(bob).get("/papers/" + LISTED + "?already=1").body()).contains("your submission counts as your upvote");
    }

    @Test
    void theRulesAreOnTheFormAndRefusalsSayWhy() {
        var browser = as(bob);
        assertThat(browser.get("/submit").body()).contains("at most 14 days ago").contains("3 papers a day");

        HttpResponse<String> notAnId = browser.post("/submit", "paper", "not an id");
        assertThat(notAnId.statusCode()).isEqualTo(400);
        HttpResponse<String> unknown = browser.post("/submit", "paper", "1612.99999");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("arXiv has no paper 1612.99999");
        HttpResponse<String> old = browser.post("/submit", "paper", "1611.09520");
        assertThat(old.statusCode()).isEqualTo(422);
        assertThat(old.body()).contains("at most 14 days old");
        assertThat(arxiv.requests()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aMemberHasADailyLimit() {
        var browser = as(TestMembers.add(server.app(), "Busy Submitter", Role.MEMBER));
        for (int i = 5; i <= 7; i++) {
            assertThat(browser.post("/submit", "paper", recent(i)).statusCode()).isEqualTo(303);
        }
        HttpResponse<String> fourth = browser.post("/submit", "paper", recent(8));
        assertThat(fourth.statusCode()).isEqualTo(429);
        assertThat(fourth.body()).contains("try again tomorrow");
    }

    @Test
    void theSubmitPageNeedsALogIn() {
        HttpResponse<String> answer = server.get("/submit");
        assertThat(answer.statusCode()).isEqualTo(303);
        assertThat(answer.headers().firstValue("Location")).hasValue("/login?next=%2Fsubmit");
    }

    // ---- discussion

    @Test
    void commentsAndRepliesShowOnThePageSanitisedAndCounted() {
        var ada = as(CommunityPagesTest.ada);
        HttpResponse<String> posted = ada.post("/papers/2608.18580/comments",
                "body", "Nice **result** <script>alert('x')</script> [see](javascript:alert(1)) ![t](https://evil.example/t.png)");
        assertThat(posted.statusCode()).isEqualTo(303);
        String location = posted.headers().firstValue("Location").orElseThrow();
        long id = Long.parseLong(location.substring(location.indexOf("#comment-") + "#comment-".length()));
        HttpResponse<String> reply = as(bob).post("/papers/2608.18580/comments", "body", "Agreed", "parent", Long.toString(id));
        assertThat(reply.statusCode()).isEqualTo(303);

        String page = server.get("/papers/2608.18580").body();
        assertThat(page).contains("<strong>result</strong>").contains("Agreed").contains("class=\"replies\"")
                .doesNotContain("<script>alert('x')").doesNotContain("javascript:alert").doesNotContain("<img src=\"https://evil");
        JsonNode paper = FixtureServer.json(server.get("/api/papers/2608.18580?field=comments"));
        assertThat(paper.path("comments").findValuesAsText("raw")).contains("Agreed");
        assertThat(paper.path("discussionId").asText()).isEqualTo("2608.18580");
        assertThat(paper.path("numComments").asInt()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aMembersNameIsEscapedEverywhereItShows() {
        var mallory = as(CommunityPagesTest.mallory);
        mallory.post("/papers/2608.12149/comments", "body", "hello from mallory");
        mallory.post("/submit", "paper", recent(9));

        String paperPage = server.get("/papers/2608.12149").body();
        assertThat(paperPage).doesNotContain("<script>alert(1)</script>").contains("Mallory &lt;script&gt;");
        String submitted = server.get("/papers/" + recent(9)).body();
        assertThat(submitted).doesNotContain("<script>alert(1)</script>").contains("Submitted by Mallory &lt;script&gt;");
    }

    // ---- a member's name, wherever it shows

    @Test
    void aRenamedMembersNewNameShowsAtOnceOnEveryPageThatShowedTheOld() {
        var browser = submitterAndCommenter("Rita Before", recent(10));
        Map<String, String> before = namedPages(as(bob), recent(10)); // now in the caches
        assertThat(naming(before, "Rita Before")).isEqualTo(before.keySet());

        assertThat(browser.post("/settings/name", "name", "Rita After").statusCode()).isEqualTo(303);

        Map<String, String> after = namedPages(as(bob), recent(10));
        assertThat(naming(after, "Rita Before")).isEmpty();
        assertThat(naming(after, "Rita After")).isEqualTo(after.keySet());
    }

    @Test
    void aDeletedMembersNameGoesFromEveryPageAtOnce() {
        var browser = submitterAndCommenter("Dora Leaving", recent(11));
        Map<String, String> before = namedPages(as(bob), recent(11));
        assertThat(naming(before, "Dora Leaving")).isEqualTo(before.keySet());

        assertThat(browser.post("/settings/delete", "password", TestMembers.PASSWORD, "confirm", "yes").statusCode()).isEqualTo(303);

        Map<String, String> after = namedPages(as(bob), recent(11));
        assertThat(naming(after, "Dora Leaving")).isEmpty();
        assertThat(after.get("/papers/" + recent(11))).contains("Submitted by " + Member.DELETED_NAME);
    }

    /** A new member named {@code name}, logged in, who submitted {@code paper} today and commented on 2608.18580. */
    private static TestMembers.Browser submitterAndCommenter(String name, String paper) {
        var browser = as(TestMembers.add(server.app(), name, Role.MEMBER));
        assertThat(browser.post("/submit", "paper", paper).statusCode()).isEqualTo(303);
        assertThat(browser.post("/papers/2608.18580/comments", "body", "a word from me").statusCode()).isEqualTo(303);
        return browser;
    }

    /**
     * Every page and API answer that names the submitter of {@code submitted} (on today's list) and
     * the authors of 2608.18580's comments, by address, as an anonymous visitor sees them (from the
     * shared page cache once asked) and, for today's list, as {@code member} does (the list
     * remembered for members).
     */
    private static Map<String, String> namedPages(TestMembers.Browser member, String submitted) {
        String day = LocalDate.now(ZoneOffset.UTC).toString();
        Map<String, String> pages = new LinkedHashMap<>();
        for (String path : List.of("/papers/date/" + day, "/papers/" + submitted, "/papers/2608.18580",
                "/api/daily_papers?date=" + day, "/api/papers/" + submitted, "/api/papers/2608.18580?field=comments")) {
            pages.put(path, server.get(path).body());
        }
        pages.put("/papers/date/" + day + " as a member", member.get("/papers/date/" + day).body());
        return pages;
    }

    /** The addresses of the pages that contain {@code name}. */
    private static Set<String> naming(Map<String, String> pages, String name) {
        Set<String> naming = new LinkedHashSet<>();
        pages.forEach((path, body) -> {
            if (body.contains(name)) {
                naming.add(path);
            }
        });
        return naming;
    }

    @Test
    void onlyTheAuthorEditsOrDeletesAComment() {
        var ada = as(CommunityPagesTest.ada);
        long id = commentId(ada.post("/papers/2608.12149/comments", "body", "first words"));
        var bob = as(CommunityPagesTest.bob);

        assertThat(bob.post("/comments/" + id + "/edit", "body", "hijacked").statusCode()).isEqualTo(403);
        assertThat(bob.post("/comments/" + id + "/delete").statusCode()).isEqualTo(403);
        assertThat(ada.post("/comments/" + id + "/edit", "body", "second words").statusCode()).isEqualTo(303);
        assertThat(server.get("/papers/2608.12149").body()).contains("second words").doesNotContain("first words");
        assertThat(ada.post("/comments/" + id + "/delete").statusCode()).isEqualTo(303);
        assertThat(server.get("/papers/2608.12149").body()).doesNotContain("second words").contains("[deleted by its author]");
        assertThat(bob.post("/comments/999999/delete").statusCode()).isEqualTo(404);
    }

    @Test
    void moderatorRoutesRefuseMembersAndModerationIsLoggedForAdmins() {
        var ada = as(CommunityPagesTest.ada);
        long id = commentId(ada.post("/papers/2608.12149/comments", "body", "a rude remark"));
        assertThat(as(bob).post("/comments/" + id + "/report", "reason", "rude").statusCode()).isEqualTo(303);
        var member = as(bob);
        for (String path : List.of("/comments/" + id + "/hide", "/comments/" + id + "/restore", "/members/" + CommunityPagesTest.ada.id() + "/ban",
                "/papers/" + LISTED + "/remove-submission")) {
            assertThat(member.post(path, "reason", "x").statusCode()).as(path).isEqualTo(403);
        }
        assertThat(member.get("/moderation").statusCode()).isEqualTo(403);

        var moderator = as(mod);
        assertThat(moderator.get("/moderation").body()).contains("a rude remark").contains("rude");
        assertThat(moderator.post("/comments/" + id + "/hide", "reason", "insulting").statusCode()).isEqualTo(303);
        assertThat(server.get("/papers/2608.12149").body()).doesNotContain("a rude remark").contains("[hidden by a moderator]");
        assertThat(moderator.get("/papers/2608.12149").body()).contains("a rude remark");
        assertThat(moderator.get("/admin/log").statusCode()).isEqualTo(403);

        String log = as(admin).get("/admin/log").body();
        assertThat(log).contains("Moderator Max").contains("hide").contains("comment:" + id).contains("insulting");
    }

    @Test
    void aBannedMemberCannotWrite() {
        Member eve = TestMembers.add(server.app(), "Eve", Role.MEMBER);
        var browser = as(eve);
        String token = browser.csrfToken();
        assertThat(as(mod).post("/members/" + eve.id() + "/ban", "reason", "spam", "next", "/").statusCode()).isEqualTo(303);

        HttpResponse<String> upvote = browser.postRaw("/papers/2608.12149/upvote", "_csrf", token);
        assertThat(upvote.statusCode()).isIn(303, 403);
        assertThat(upvote.headers().firstValue("Location").orElse("/login")).startsWith("/login");
        assertThat(TestMembers.anonymous(server.port()).logIn(eve.email(), TestMembers.PASSWORD).statusCode()).isNotEqualTo(303);
        assertThat(as(admin).get("/admin/log").body()).contains("ban").contains("member:" + eve.id()).contains("spam");
    }

    @Test
    void aModeratorCannotBanStaff() {
        Member otherMod = TestMembers.add(server.app(), "Moderator Mia", Role.MODERATOR);
        as(mod).post("/members/" + admin.id() + "/ban", "reason", "coup", "next", "/");
        as(mod).post("/members/" + otherMod.id() + "/ban", "reason", "coup", "next", "/");

        assertThat(server.app().accounts().members().byId(admin.id()).orElseThrow().isActive()).isTrue();
        assertThat(server.app().accounts().members().byId(otherMod.id()).orElseThrow().isActive()).isTrue();
        assertThat(as(admin).get("/admin/log").body()).doesNotContain("coup");
    }

    private static long commentId(HttpResponse<String> posted) {
        String location = posted.headers().firstValue("Location").orElseThrow();
        return Long.parseLong(location.substring(location.indexOf("#comment-") + "#comment-".length()));
    }
}
