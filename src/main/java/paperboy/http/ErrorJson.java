package paperboy.http;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * The one shape every JSON error takes, {@code {"error": "what is wrong"}}, and the addresses
 * that answer errors in it ({@code /api/...} and {@code /healthz}); everywhere else an error is a page.
 */
public final class ErrorJson {
    private ErrorJson() {}

    public static boolean answersAt(String path) {
        return path != null && (path.startsWith("/api/") || path.equals("/healthz"));
    }

    public static String body(String message) {
        return JsonNodeFactory.instance.objectNode().put("error", message).toString();
    }
}
