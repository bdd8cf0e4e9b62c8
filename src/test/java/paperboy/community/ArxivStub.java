package paperboy.community;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local stand-in for the arXiv API on 127.0.0.1: every request is answered with one recorded real
 * answer of {@code export.arxiv.org/api/query} (src/test/resources/arxiv/api-atom), and counted.
 */
public final class ArxivStub implements AutoCloseable {
    /** Holds 1611.09520 (first version 2016-11-29) and other papers, not 2608.x ones. */
    public static final String DEEP_DREAM = "arxiv/api-atom/deep-dream-0.atom";

    private final HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();

    public ArxivStub(String resource) {
        byte[] body = bytes(resource);
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                exchange.getResponseHeaders().add("Content-Type", "application/atom+xml; charset=utf-8");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
        });
        server.start();
    }

    public URI apiUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/query");
    }

    public int requests() {
        return requests.get();
    }

    private static byte[] bytes(String resource) {
        try (InputStream in = ArxivStub.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
