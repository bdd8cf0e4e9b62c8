package paperboy.subscription;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The absolute links mails carry, from {@code PAPERBOY_BASE_URL} (a mail is read far from the
 * request that caused it, so there is no Host to take them from).
 */
public record SiteLinks(URI base) {
    public SiteLinks {
        if (base == null) {
            throw new IllegalArgumentException("mail needs PAPERBOY_BASE_URL for its links");
        }
        String text = base.toString();
        base = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
    }

    /** {@code path} (starting with a slash) on the site. */
    public String at(String path) {
        return base + path;
    }

    public String confirm(String token) {
        return at("/subscribe/confirm?token=" + encode(token));
    }

    public String manage(String token) {
        return at("/manage?t=" + encode(token));
    }

    public String unsubscribe(String token) {
        return at("/unsubscribe?t=" + encode(token));
    }

    public String host() {
        return base.getHost();
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
