package paperboy.harvest;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.zip.GZIPInputStream;

/**
 * Paperboy's one HTTP door to arXiv: GETs over HTTP/1.1, paced and retried by a shared
 * {@link Politeness}, with timeouts, gzip, and a User-Agent naming Paperboy and the operator's
 * contact as arXiv asks. Failures are exceptions whose message names the URL.
 */
public final class ArxivHttp implements AutoCloseable {
    private final HttpClient client;
    private final Politeness politeness;
    private final String userAgent;
    private final Duration timeout;

    /**
     * @param version Paperboy's version, for the User-Agent
     * @param contact how arXiv can reach the operator (an email address or URL); required
     * @param timeout for connecting and for each whole response
     */
    public ArxivHttp(String version, String contact, Duration timeout, Politeness politeness) {
        this.userAgent = userAgent(version, contact);
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.politeness = Objects.requireNonNull(politeness, "politeness");
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    static String userAgent(String version, String contact) {
        if (version == null || version.isBlank()) {
            throw new IllegalArgumentException("the Paperboy version for the User-Agent is missing");
        }
        if (contact == null || contact.isBlank() || contact.chars().anyMatch(c -> c < 0x20 || c > 0x7e)) {
            throw new IllegalArgumentException(
                    "arXiv asks harvesters for a contact: set one (an email address or URL in plain ASCII)");
        }
        return "Paperboy/" + version.strip() + " (+" + contact.strip() + ")";
    }

    /** The body of a 200 answer to GET {@code uri}, decompressed; waits its turn and retries. */
    public byte[] get(URI uri) throws IOException {
        return politeness.call(uri.toString(), () -> getOnce(uri));
    }

    private byte[] getOnce(URI uri) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("User-Agent", userAgent)
                .header("Accept-Encoding", "gzip")
                .GET()
                .build();
        HttpResponse<InputStream> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted during GET " + uri);
        } catch (IOException e) {
            throw new IOException("GET " + uri + " failed: " + describe(e), e);
        }
        byte[] body = readBody(uri, response);
        if (response.statusCode() != 200) {
            throw new ArxivHttpException(uri, response.statusCode(),
                    response.headers().firstValue("Retry-After").orElse(null), start(body));
        }
        return body;
    }

    private static byte[] readBody(URI uri, HttpResponse<InputStream> response) throws IOException {
        boolean gzip = response.headers().firstValue("Content-Encoding")
                .map(v -> v.strip().equalsIgnoreCase("gzip")).orElse(false);
        try (InputStream raw = response.body();
             InputStream in = gzip ? new GZIPInputStream(raw) : raw) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IOException("reading the answer to GET " + uri + " failed (truncated body?): "
                    + describe(e), e);
        }
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : " " + message);
    }

    private static String start(byte[] body) {
        String text = new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8);
        return text.replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ").strip();
    }

    @Override
    public void close() {
        client.close();
    }
}
