package paperboy.http;

import io.javalin.http.Context;

/** Reads query parameters, answering 400 with a message that names the parameter when one is malformed. */
public final class Params {
    private Params() {}

    public static int integer(Context ctx, String name, int fallback, int min, int max) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw.strip());
            if (value < min || value > max) {
                throw HttpError.badRequest(name + " must be from " + min + " to " + max + ", not " + value);
            }
            return value;
        } catch (NumberFormatException e) {
            throw HttpError.badRequest(name + " must be a whole number, not \"" + shorten(raw) + "\"");
        }
    }

    public static String text(Context ctx, String name) {
        String raw = ctx.queryParam(name);
        return raw == null || raw.isBlank() ? null : raw.strip();
    }

    static String shorten(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
