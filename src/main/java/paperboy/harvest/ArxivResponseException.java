package paperboy.harvest;

import java.io.IOException;

/**
 * arXiv answered, but not with something Paperboy can use: malformed or truncated XML, or an OAI-PMH
 * error the harvest cannot recover from. The message names the request.
 */
public final class ArxivResponseException extends IOException {
    public ArxivResponseException(String message) {
        super(message);
    }

    public ArxivResponseException(String message, Throwable cause) {
        super(message, cause);
    }
}
