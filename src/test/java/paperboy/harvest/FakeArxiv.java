package paperboy.harvest;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.GZIPOutputStream;

/**
 * A local stand-in for arXiv (OAI-PMH at /oai, the API at /api/query) on 127.0.0.1 and a random
 * port. It answers each request with the next scripted {@link Reply}, usually a recorded arXiv
 * response from src/test/resources/arxiv, and remembers the requests it got. An unscripted request
 * gets a 500 "unscripted", which makes the test fail loudly.
 */
final class FakeArxiv implements AutoCloseable {

    /** One scripted answer. */
    record Reply(int status, Map<String, String> headers, byte[] body, Duration delay, boolean truncate) {
        static Reply resource(String path) {
            return new Reply(200, Map.of("Content-Type", "text/xml; charset=utf-8"), Fixtures.bytes(path),
                    Duration.ZERO, false);
        }

        static Reply status(int status, String body) {
            return new Reply(status, Map.of("Content-Type", "text/html"), body.getBytes(StandardCharsets.UTF_8),
                    Duration.ZERO, false);
        }

        Reply header(String name, String value) {
            Map<String, String> h = new LinkedHashMap<>(headers);
            h.put(name, value);
            return new Reply(status, h, body, delay, truncate);
        }

        Reply delayed(Duration by) {
            return new Reply(status, headers, body, by, truncate);
        }

        /** Announce the full length, send half, drop the connection. */
        Reply truncated() {
            return new Reply(status, headers, body, delay, true);
        }

        Reply gzipped() {
            var out = new ByteArrayOutputStream();
            try (var gz = new GZIPOutputStream(out)) {
                gz.write(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new Reply(status, headers, out.toByteArray(), delay, truncate).header("Content-Encoding", "gzip");
        }
    }

    /** A request as the server saw it. */
    record Request(URI uri, Map<String, List<String>> headers) {
        /** The decoded query parameters, in order. */
        Map<String, String> params() {
            Map<String, String> params = new LinkedHashMap<>();
            String q = uri.getRawQuery();
            for (String pair : q == null ? new String[0] : q.split("&")) {
                int eq = pair.indexOf('=');
                params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
            return params;
        }

        /** The first value of a header, whatever the case of its name. */
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().getFirst()).findFirst().orElse(null);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Deque<Reply> script = new ArrayDeque<>();
    private final List<Request> requests = new ArrayList<>();

    FakeArxiv() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answer);
        server.setExecutor(executor);
        server.start();
    }

    URI oaiBase() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/oai");
    }

    URI apiBase() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/query");
    }

    synchronized FakeArxiv then(Reply... replies) {
        script.addAll(List.of(replies));
        return this;
    }

    synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    synchronized int unanswered() {
        return script.size();
    }

    private void answer(HttpExchange exchange) throws IOException {
        Reply reply;
        synchronized (this) {
            var headers = new LinkedHashMap<String, List<String>>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k, List.copyOf(v)));
            requests.add(new Request(exchange.getRequestURI(), headers));
            reply = script.isEmpty() ? Reply.status(500, "unscripted request " + exchange.getRequestURI()) : script.poll();
        }
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            if (!reply.delay().isZero()) {
                Thread.sleep(reply.delay());
            }
            reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            exchange.sendResponseHeaders(reply.status(), reply.body().length);
            OutputStream out = exchange.getResponseBody();
            if (reply.truncate()) {
                out.write(reply.body(), 0, reply.body().length / 2);
                out.flush();
                throw new IOException("FakeArxiv drops the connection mid-body, as scripted");
            }
            out.write(reply.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
