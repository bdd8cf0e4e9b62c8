package paperboy.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paperboy.App;
import paperboy.config.Config;

/** A new Paperboy with an empty store and the sample turned off, as someone sees it first. */
class EmptyStoreTest {
    @TempDir
    Path data;

    @Test
    void theHomePageSaysHowToFillTheStore() throws Exception {
        try (App app = new App(new Config(0, data, null, false))) {
            app.prepare();
            Javalin web = app.web().start(0);
            try (HttpClient http = HttpClient.newHttpClient()) {
                HttpResponse<String> home = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + web.port() + "/")).build(),
                        HttpResponse.BodyHandlers.ofString());
                HttpResponse<String> api = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + web.port()
                        + "/api/daily_papers")).build(), HttpResponse.BodyHandlers.ofString());

                assertThat(home.statusCode()).isEqualTo(200);
                assertThat(home.body()).contains("Welcome to Paperboy", "./paperboy import", "./paperboy harvest",
                        "PAPERBOY_SAMPLE=on").doesNotContain("Error 404");
                assertThat(api.statusCode()).isEqualTo(200);
                assertThat(api.body()).isEqualTo("[]");
                ScriptPolicy.check("/", home);

                HttpResponse<String> trending = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + web.port()
                        + "/papers/trending")).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(trending.statusCode()).isEqualTo(200);
                assertThat(trending.body()).contains("Nothing was featured in the last 7 days.", "<span class=\"tab\">Day</span>")
                        .doesNotContain("The latest list:");
                ScriptPolicy.check("/papers/trending", trending);
            } finally {
                web.stop();
            }
        }
    }
}
