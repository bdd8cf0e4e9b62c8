package paperboy.harvest;

import java.io.IOException;
import java.net.URI;

/**
 * arXiv answered a request with an HTTP error status. The message names the URL; the raw
 * Retry-After header, when given, lets {@link Politeness} honour OAI-PMH flow control.
 */
public final class ArxivHttpException extends IOException {
    private final URI uri;
    private final int status;
    private final String retryAfter;

    public ArxivHttpException(URI uri, int status, String retryAfter, String bodyStart) {
        super("arXiv answered HTTP " + status + " to GET " + uri
                + (retryAfter == null ? "" : " (Retry-After: " + retryAfter + ")")
                + (bodyStart == null || bodyStart.isBlank() ? "" : ": " + bodyStart));
        this.uri = uri;
        this.status = status;
        this.retryAfter = retryAfter;
    }

    public URI uri() {
        return uri;
    }

    public int status() {
        return status;
    }

    /** The Retry-After header as sent, or null. */
    public String retryAfter() {
        return retryAfter;
    }

    /** Worth trying again later: too many requests or a server-side failure. */
    boolean isTransient() {
        return status == 429 || status >= 500;
    }
}
