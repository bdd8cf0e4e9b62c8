package paperboy.harvest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import paperboy.harvest.FakeArxiv.Reply;

class ArxivHttpTest {
    private final FakeTime time = new FakeTime();
    private final FakeArxiv arxiv;
    private ArxivHttp http;

    ArxivHttpTest() throws IOException {
        arxiv = new FakeArxiv();
        http = client(Duration.ofSeconds(5));
    }

    private ArxivHttp client(Duration timeout) {
        var retries = new RetryPolicy(2, Duration.ofSeconds(1), Duration.ofSeconds(8), 5, Duration.ofSeconds(60));
        return new ArxivHttp("0.1.0", "https://paperboy.example.org/contact", timeout,
                new Politeness(Duration.ofSeconds(3), retries, time, time, new Random(1)));
    }

    @AfterEach
    void stop() {
        http.close();
        arxiv.close();
    }

    @Test
    void namesPaperboyAndTheContactAndAcceptsGzip() throws IOException {
        arxiv.then(Reply.resource(Fixtures.OAI_GET_RECORD).gzipped());

        byte[] body = http.get(arxiv.oaiBase());

        assertThat(body).isEqualTo(Fixtures.bytes(Fixtures.OAI_GET_RECORD));
        var request = arxiv.requests().getFirst();
        assertThat(request.header("User-Agent")).isEqualTo("Paperboy/0.1.0 (+https://paperboy.example.org/contact)");
        assertThat(request.header("Accept-Encoding")).isEqualTo("gzip");
    }

    @Test
    void anErrorStatusNamesTheUrlAndIsNotRetriedWhenPermanent() {
        arxiv.then(Reply.status(403, "<html><body><h1>Forbidden</h1></body></html>"));

        assertThatThrownBy(() -> http.get(arxiv.oaiBase()))
                .isInstanceOf(ArxivHttpException.class)
                .hasMessage("arXiv answered HTTP 403 to GET " + arxiv.oaiBase() + ": Forbidden");
        assertThat(arxiv.requests()).hasSize(1);
    }

    @Test
    void aTimeoutIsRetriedThenReportedWithTheUrl() {
        http.close();
        http = client(Duration.ofMillis(300));
        Reply slow = Reply.resource(Fixtures.OAI_GET_RECORD).delayed(Duration.ofSeconds(3));
        arxiv.then(slow, slow);

        assertThatThrownBy(() -> http.get(arxiv.oaiBase()))
                .hasMessageStartingWith("gave up on " + arxiv.oaiBase() + " after 2 attempts: GET "
                        + arxiv.oaiBase() + " failed: HttpTimeoutException");
        assertThat(arxiv.requests()).hasSize(2);
    }

    @Test
    void refusesToRunWithoutAContact() {
        assertThatThrownBy(() -> new ArxivHttp("0.1.0", " ", Duration.ofSeconds(5), new Politeness(Duration.ofSeconds(3))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("contact");
    }
}
