package paperboy.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paperboy.db.Database;
import paperboy.feed.Feed;
import paperboy.paper.FeaturedStore;
import paperboy.paper.PaperStore;
import paperboy.search.EmbeddingWorker;
import paperboy.search.PaperIndex;
import paperboy.search.Semantic;
import paperboy.search.TestEmbedder;

/** {@code /healthz} when its parts fail, on a real server whose store and index are closed under it. */
class HealthRoutesTest {

    @Test
    void aPartThatFailsGetsAFixedReasonAndItsExceptionOnlyGoesToTheLog(@TempDir Path dir) throws Exception {
        Database db = Database.open("jdbc:sqlite:" + dir.resolve("p.db"));
        PaperStore papers = new PaperStore(db.jdbi());
        FeaturedStore featured = new FeaturedStore(db.jdbi());
        Semantic semantic = new Semantic(TestEmbedder.shared(), db.jdbi());
        PaperIndex index = new PaperIndex(dir.resolve("index"), semantic);
        EmbeddingWorker worker = new EmbeddingWorker(papers, index, semantic, Clock.systemUTC());
        var accounts = paperboy.account.Accounts.inStore(db.jdbi(), paperboy.account.SessionSettings.DEFAULTS,
                paperboy.account.NameChanges.NONE);
        var members = paperboy.App.participation(db, papers, accounts, new paperboy.harvest.PaperFetcher(papers, () -> {
            throw new IllegalStateException("no arXiv here");
        }), paperboy.config.CommunitySettings.DEFAULTS);
        var subscriptions = new paperboy.subscription.Subscriptions(new paperboy.subscription.SubscriberStore(db.jdbi()),
                paperboy.subscription.ConfirmationMails.off(), Clock.systemUTC());
        Javalin web = new WebApp(db, papers, featured, index, worker, new Feed(featured, Clock.systemUTC()),
                Pages.precompiled(), paperboy.http.SiteUrl.fromRequests(), paperboy.metrics.Metrics.off(),
                new WebApp.Community(accounts, paperboy.App.accountEmail(db, accounts, paperboy.account.AccountMail.off(), subscriptions),
                        paperboy.account.CsrfTokens.fromStore(db.jdbi()), paperboy.account.AccountLimits.off()),
                subscriptions, paperboy.digest.DigestPreview.OFF, members).create().start(0);
        try {
            db.close();
            index.close();

            HttpResponse<String> response = get(web.port(), "/healthz");

            assertThat(response.statusCode()).isEqualTo(503);
            JsonNode health = new ObjectMapper().readTree(response.body());
            assertThat(health.path("status").asText()).isEqualTo("unavailable");
            assertThat(health.path("store").path("error").asText()).isEqualTo("the store did not answer");
            assertThat(health.path("index").path("error").asText()).isEqualTo("the search index did not answer");
            assertThat(health.path("embeddings").path("error").asText()).isEqualTo("embedding progress could not be read");
            // What the exceptions said: Hikari's pool "has been closed", Lucene's "SearcherManager is closed".
            assertThat(response.body()).doesNotContainIgnoringCase("hikari").doesNotContain("closed")
                    .doesNotContain("Exception").doesNotContain(dir.toString());
        } finally {
            web.stop();
        }
    }

    private static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }
}
