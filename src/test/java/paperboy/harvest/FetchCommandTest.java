package paperboy.harvest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paperboy.App;
import paperboy.config.Config;
import paperboy.harvest.FakeArxiv.Reply;
import paperboy.paper.ArxivId;

/** {@code paperboy fetch} against a fake arXiv API replaying the recorded Atom pages, into a real SQLite store. */
class FetchCommandTest {
    private static final String EMPTY_FEED = """
            <feed xmlns="http://www.w3.org/2005/Atom" xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">
              <opensearch:totalResults>0</opensearch:totalResults>
            </feed>""";

    @TempDir
    Path data;

    private final FakeArxiv arxiv = new FakeArxiv();

    FetchCommandTest() throws IOException {}

    @AfterEach
    void stop() {
        arxiv.close();
    }

    private Cli fetch(String... ids) {
        var args = new java.util.ArrayList<>(java.util.List.of("fetch", "--data", data.toString(),
                "--base-url", arxiv.apiBase().toString(), "--delay", "0", "--contact", "mailto:ops@example.org"));
        args.addAll(java.util.List.of(ids));
        return Cli.run(args.toArray(String[]::new));
    }

    private static Reply atom(String body) {
        return new Reply(200, Map.of("Content-Type", "application/atom+xml"), body.getBytes(StandardCharsets.UTF_8),
                Duration.ZERO, false);
    }

    @Test
    void fetchesAnUnknownPaperThenAnswersItFromTheStoreWithoutARequest() throws IOException {
        arxiv.then(Reply.resource(Fixtures.atom(0)));

        Cli first = fetch("arXiv:1611.09520v2");

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).isEqualTo("fetched   1611.09520v2  Hierarchical Neural Representation of Dreamed "
                + "Objects Revealed by Brain Decoding with Deep Neural Network Features" + System.lineSeparator());
        assertThat(arxiv.requests()).singleElement().satisfies(r -> assertThat(r.params())
                .containsEntry("id_list", "1611.09520"));
        try (App app = new App(new Config(0, data, null, false))) {
            assertThat(app.papers().count()).isEqualTo(1); // only the paper asked for, not the whole answer
            assertThat(app.papers().find(new ArxivId("1611.09520"))).get()
                    .satisfies(p -> assertThat(p.authors()).containsExactly("Tomoyasu Horikawa", "Yukiyasu Kamitani"));
        }

        Cli again = fetch("1611.09520");

        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).startsWith("in store  1611.09520v2  Hierarchical Neural Representation");
        assertThat(arxiv.requests()).hasSize(1);
    }

    @Test
    void refreshAsksArxivEvenForAKnownPaper() {
        arxiv.then(Reply.resource(Fixtures.atom(0)), Reply.resource(Fixtures.atom(0)));
        assertThat(fetch("1611.09520").exitCode()).isZero();

        Cli refreshed = fetch("--refresh", "1611.09520");

        assertThat(refreshed.exitCode()).isZero();
        assertThat(refreshed.out()).startsWith("fetched   1611.09520v2");
        assertThat(arxiv.requests()).hasSize(2);
    }

    @Test
    void anIdArxivDoesNotKnowIsReportedWithExitCode2() {
        arxiv.then(atom(EMPTY_FEED));

        Cli run = fetch("2101.99999");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("arXiv has no paper 2101.99999");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aMalformedIdIsRejectedBeforeAnyRequest() {
        Cli run = fetch("1611.09520", "not-an-id");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("not an arXiv id: \"not-an-id\"");
        assertThat(arxiv.requests()).isEmpty();
    }

    @Test
    void aKnownPaperNeedsNoContact() throws IOException {
        arxiv.then(Reply.resource(Fixtures.atom(0)));
        assertThat(fetch("1611.09520").exitCode()).isZero();

        Cli run = Cli.run("fetch", "--data", data.toString(), "--base-url", arxiv.apiBase().toString(), "1611.09520");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(arxiv.requests()).hasSize(1);
    }
}
