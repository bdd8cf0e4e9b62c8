package paperboy.harvest;

import java.io.IOException;
import java.net.URI;
import java.util.Objects;

/** arXiv's OAI-PMH endpoint (default https://oaipmh.arxiv.org/oai), spoken to through {@link ArxivHttp}. */
public final class ArxivOai {
    public static final URI DEFAULT_BASE = URI.create("https://oaipmh.arxiv.org/oai");

    private final URI base;
    private final ArxivHttp http;

    public ArxivOai(URI base, ArxivHttp http) {
        this.base = Objects.requireNonNull(base, "base");
        this.http = Objects.requireNonNull(http, "http");
        if (base.getScheme() == null || !base.getScheme().startsWith("http")) {
            throw new IllegalArgumentException("the OAI-PMH base URL must be http(s), was " + base);
        }
    }

    /**
     * Sends the request and reads the answer. OAI-PMH errors come back as {@link OaiAnswer} cases;
     * HTTP failures that outlive the retries, malformed XML and truncated bodies are exceptions
     * naming the request URL.
     */
    public OaiAnswer fetch(OaiRequest request) throws IOException {
        URI uri = request.toUri(base);
        return OaiXml.parse(http.get(uri), "GET " + uri);
    }

    URI base() {
        return base;
    }
}
