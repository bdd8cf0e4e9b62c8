package paperboy.community;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import paperboy.FixtureServer;
import paperboy.account.Member;
import paperboy.account.Role;
import paperboy.account.TestMembers;
import paperboy.config.Config;
import paperboy.db.StoreTest;
import paperboy.db.StoreUrl;

/** Two servers on one store (PostgreSQL, and SQLite too): log in on one, upvote on the other. */
class TwoServersTest {
    @StoreTest
    void aMemberLoggedInOnOneNodeUpvotesOnTheOther(StoreUrl store) throws Exception {
        Path a = Files.createTempDirectory("paperboy-node-a");
        Path b = Files.createTempDirectory("paperboy-node-b");
        try (FixtureServer one = FixtureServer.start(new Config(0, a, store.value(), false), app -> {});
             FixtureServer two = FixtureServer.start(new Config(0, b, store.value(), false), app -> {})) {
            Member ada = TestMembers.add(one.app(), "Ada", Role.MEMBER);
            TestMembers.Browser onOne = TestMembers.logIn(one.port(), ada);
            int before = FixtureServer.json(two.get("/api/papers/2608.19880")).path("upvotes").asInt();

            // The browser's cookies and token, sent to the other node (cookies are per host, not per port).
            var request = HttpRequest.newBuilder(URI.create("http://localhost:" + two.port() + "/papers/2608.19880/upvote"))
                    .header("Cookie", onOne.cookieHeader()).header("X-CSRF-Token", onOne.csrfToken())
                    .header("Accept", "application/json").header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("upvoted=true")).build();
            HttpResponse<String> answer = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            assertThat(FixtureServer.json(answer).path("upvoted").asBoolean()).isTrue();
            assertThat(FixtureServer.json(one.get("/api/papers/2608.19880")).path("upvotes").asInt()).isEqualTo(before + 1);
        }
    }
}
