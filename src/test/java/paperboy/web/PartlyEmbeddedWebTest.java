package paperboy.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paperboy.FixtureServer;

/**
 * Search while embedding is under way (13 of the 236 fixture papers have vectors): matching by
 * meaning reaches only those, and the results page says so.
 */
class PartlyEmbeddedWebTest {
    @TempDir
    static Path data;
    static FixtureServer server;

    @BeforeAll
    static void start() throws IOException {
        server = FixtureServer.startPartlyEmbedded(data);
    }

    @AfterAll
    static void stop() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void searchByMeaningSaysHowManyPapersItCoversSoFar() {
        for (String mode : new String[] {"", "&mode=semantic", "&mode=hybrid"}) {
            String body = server.get("/search?q=multimodal+visual+encoder" + mode).body();

            assertThat(body).as(mode).contains("(meaning: 13 of 236 papers so far)");
        }
        assertThat(server.get("/search?like=high+resolution+images+for+multimodal+models").body())
                .contains("(meaning: 13 of 236 papers so far)");
    }

    @Test
    void searchByWordsAloneNeedsNoSuchWord() {
        String body = server.get("/search?q=multimodal+visual+encoder&mode=keyword").body();

        assertThat(body).contains("matched by words").doesNotContain("papers so far");
    }
}
