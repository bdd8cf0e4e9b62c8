package paperboy.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import paperboy.FixtureServer;

/** {@code /papers/{id}.md}, what {@code huggingface_hub}'s {@code read_paper} fetches, on the real server. */
class PaperMarkdownTest {
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

    @Test
    void aPaperIsMarkdownWithWhatItsPageShows() {
        HttpResponse<String> response = server.get("/papers/2608.13558.md");
        String md = response.body();
        String origin = "http://localhost:" + server.port();

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/markdown; charset=utf-8");
        assertThat(md).startsWith("# ");
        assertThat(md).contains("**Authors:** ", "- arXiv: https://arxiv.org/abs/2608.13558",
                "- PDF: https://arxiv.org/pdf/2608.13558", "- Page: " + origin + "/papers/2608.13558",
                "## Abstract\n\n", "## Summary from Hugging Face", "## Details", "- Published: ",
                "- Featured on: [", origin + "/papers/date/2026-08-14", origin + "/papers/date/2026-08-20",
                "## Cite\n\n```bibtex\n@misc{", "eprint={2608.13558}");
    }

    @Test
    void storeTextCannotBecomeMarkup() {
        assertThat(PaperMarkdown.text("<script>x</script> [a](javascript:1) *b* #c"))
                .isEqualTo("\\<script\\>x\\</script\\> \\[a\\](javascript:1) \\*b\\* \\#c");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2101.00001", "1234.56789", "2608.99999v2"})
    void anUnknownOrUnassignedIdIs404(String id) {
        assertThat(server.get("/papers/" + id + ".md").statusCode()).isEqualTo(404);
    }

    @Test
    void whatCannotBeAnIdIs400() {
        assertThat(server.get("/papers/not-an-id.md").statusCode()).isEqualTo(400);
    }

    @Test
    void thePageItselfIsStillHtml() {
        HttpResponse<String> response = server.get("/papers/2608.13558");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
    }
}
