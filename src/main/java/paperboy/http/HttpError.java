package paperboy.http;

/**
 * A request Paperboy will not serve as asked: the status to answer (400, 404, 413, 422...) and a
 * message for the person or program that asked. Pages show it in the error page, the API as JSON.
 */
public final class HttpError extends RuntimeException {
    private final int status;

    public HttpError(int status, String message) {
        super(message);
        this.status = status;
    }

    public static HttpError badRequest(String message) {
        return new HttpError(400, message);
    }

    public static HttpError notFound(String message) {
        return new HttpError(404, message);
    }

    public int status() {
        return status;
    }
}
