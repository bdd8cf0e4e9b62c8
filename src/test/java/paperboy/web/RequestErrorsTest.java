package paperboy.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.LoggerFactory;
import paperboy.FixtureServer;
import paperboy.RawHttp;
import paperboy.RawHttp.Answer;

/**
 * Requests no browser sends, as raw bytes to the real server: unknown methods, methods a path
 * does not answer, and what Jetty rejects before routing. Each is a short, clear answer (JSON
 * under {@code /api/}, the error page elsewhere) and none writes a warning to the log.
 */
class RequestErrorsTest {
    private static final String JETTY_PAGE = "HTTP ERROR";

    @TempDir
    static Path data;
    static FixtureServer server;
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();

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

    @BeforeEach
    void listen() {
        log.start();
        root().addAppender(log);
    }

    @AfterEach
    void nothingWasLoggedAsAWarning() {
        root().detachAppender(log);
        assertThat(log.list).filteredOn(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
                .extracting(ILoggingEvent::getFormattedMessage).isEmpty();
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    static Answer send(String method, String target) {
        return RawHttp.request(server.port(), method, target);
    }

    static void isJson(Answer answer, int status, String message) {
        assertThat(answer.status()).as(opening(answer)).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/json");
        assertThat(FixtureServer.json(answer.body()).get("error").asText()).contains(message);
    }

    static void isPage(Answer answer, int status, String message) {
        assertThat(answer.status()).as(opening(answer)).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("text/html");
        assertThat(answer.body()).contains("Error " + status, WebPagesTest.html(message), "href=\"/static/paperboy.css\"")
                .doesNotContain(JETTY_PAGE);
    }

    private static String opening(Answer answer) {
        return answer.body().substring(0, Math.min(300, answer.body().length()));
    }

    @Nested
    class Methods {
        @ParameterizedTest(name = "{0} {1}")
        @CsvSource({"get, /", "FOO, /", "get, /papers/2608.19880", "gEt, /search?q=agent"})
        void aMethodHttpDoesNotDefineIs501OnAPage(String method, String target) {
            isPage(send(method, target), 501, "does not know the method \"" + method + "\"");
        }

        @ParameterizedTest(name = "{0} {1}")
        @CsvSource({"get, /api/daily_papers", "FOO, /api/papers/2608.19880", "post, /healthz"})
        void aMethodHttpDoesNotDefineIs501InJsonUnderTheApi(String method, String target) {
            isJson(send(method, target), 501, "does not know the method \"" + method + "\"");
        }

        @ParameterizedTest(name = "{0} {1}")
        @CsvSource({"POST, /", "DELETE, /papers/2608.19880", "PUT, /papers/date/2026-08-21", "OPTIONS, /search"})
        void aMethodAPageDoesNotAnswerIs405WithTheMethodsItDoes(String method, String target) {
            Answer answer = send(method, target);

            isPage(answer, 405, "answers GET, HEAD, not " + method);
            assertThat(answer.header("Allow")).isEqualTo("GET, HEAD");
        }

        @ParameterizedTest(name = "{0} {1}")
        @CsvSource({"POST, /api/daily_papers", "DELETE, /api/papers/2608.19880", "PUT, /api/papers/search"})
        void aMethodTheApiDoesNotAnswerIs405InJson(String method, String target) {
            Answer answer = send(method, target);

            isJson(answer, 405, "answers GET, HEAD, not " + method);
            assertThat(answer.header("Allow")).isEqualTo("GET, HEAD");
        }

        @ParameterizedTest(name = "HEAD {0}")
        @CsvSource({"/, 200, text/html", "/papers/2608.19880, 200, text/html", "/api/daily_papers, 200, application/json",
                "/papers/2101.00001, 404, text/html", "/api/papers/2101.00001, 404, application/json",
                "/papers/not-an-id, 400, text/html"})
        void headAnswersAsGetWouldWithoutTheBody(String target, int status, String type) {
            Answer answer = send("HEAD", target);

            assertThat(answer.status()).isEqualTo(status);
            assertThat(answer.contentType()).startsWith(type);
            assertThat(answer.body()).isEmpty();
        }

        @Test
        void aPathNothingAnswersIsStill404() {
            isPage(send("POST", "/no/such/page"), 404, "There is no page at /no/such/page");
            isJson(send("POST", "/api/no-such-endpoint"), 404, "/api/no-such-endpoint");
        }
    }

    @Nested
    class BeforeRouting {
        static final String UNDECODABLE = "The address could not be decoded";

        @ParameterizedTest
        @CsvSource({"/api/%ZZ", "/api/papers/a%00b", "/api/daily_papers/%ZZ?date=2026-08-21"})
        void anAddressThatDoesNotDecodeIs400InJsonUnderTheApi(String target) {
            isJson(send("GET", target), 400, UNDECODABLE);
        }

        @ParameterizedTest
        @CsvSource({"/%ZZ", "/papers/a%00b", "/search/%ZZ?q=agent"})
        void anAddressThatDoesNotDecodeIs400OnThePageElsewhere(String target) {
            isPage(send("GET", target), 400, UNDECODABLE);
        }

        @Test
        void aQueryThatDoesNotDecodeIs400RatherThanIgnored() {
            isJson(send("GET", "/api/daily_papers?date=%ZZ"), 400, "The query could not be decoded");
            isPage(send("GET", "/search?q=%ZZ"), 400, "The query could not be decoded");
        }

        @Test
        void headersTooLargeAre431InJsonUnderTheApiAndAPageElsewhere() {
            String big = "X-Big: " + "b".repeat(70_000) + "\r\n";
            isJson(RawHttp.request(server.port(), "GET", "/api/daily_papers", big), 431, "headers are larger than the 64 KB");
            isPage(RawHttp.request(server.port(), "GET", "/", big), 431, "headers are larger than the 64 KB");
        }

        @Test
        void aBadOrMissingHostIs400InJsonUnderTheApi() {
            isJson(RawHttp.send(server.port(), "GET /api/daily_papers HTTP/1.1\r\nHost: a b c\r\nConnection: close\r\n\r\n"),
                    400, "could not be read");
            isJson(RawHttp.send(server.port(), "GET /api/daily_papers HTTP/1.1\r\nConnection: close\r\n\r\n"),
                    400, "could not be read (No Host)");
            isPage(RawHttp.send(server.port(), "GET / HTTP/1.1\r\nConnection: close\r\n\r\n"), 400, "could not be read (No Host)");
        }

        /** Without a readable address there is no telling API from page: a line of plain text. */
        @Test
        void anAddressTooLongIs414InPlainText() {
            Answer answer = send("GET", "/api/" + "a".repeat(70_000));

            assertThat(answer.status()).isEqualTo(414);
            assertThat(answer.contentType()).startsWith("text/plain");
            assertThat(answer.body()).isEqualTo("414 The address is longer than the 64 KB this server reads.\n");
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', textBlock = """
                GET /api/daily_papers HTTP/9.9 extra | 400
                GARBAGE                              | 400
                """)
        void aRequestLineThatCannotBeReadIsAShortPlainAnswer(String line, int status) {
            Answer answer = RawHttp.send(server.port(), line + "\r\nHost: localhost\r\nConnection: close\r\n\r\n");

            assertThat(answer.status()).isEqualTo(status);
            assertThat(answer.contentType()).startsWith("text/plain");
            assertThat(answer.body()).startsWith(status + " The request could not be read").hasSizeLessThan(120);
        }
    }
}
