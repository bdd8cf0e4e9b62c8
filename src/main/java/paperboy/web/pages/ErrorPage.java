package paperboy.web.pages;

/** An error page (4xx, or a 500 without internals): what went wrong, in words a reader can act on. */
public record ErrorPage(int status, String title, String message) {
    public static ErrorPage of(int status, String message) {
        return new ErrorPage(status, title(status), message);
    }

    private static String title(int status) {
        return switch (status) {
            case 400 -> "That request is not quite right";
            case 404 -> "Not found";
            case 405 -> "Not answered this way";
            case 413 -> "Too large";
            case 414 -> "Address too long";
            case 429 -> "Too many requests";
            case 431 -> "Headers too large";
            case 501 -> "Method not known";
            case 503 -> "Busy";
            default -> status >= 500 ? "Server error" : "Request not served";
        };
    }
}
