package paperboy.http;

import io.javalin.http.Context;

/**
 * Renders a page template into the response: a feature package with pages of its own (accounts,
 * say) renders through this, implemented by {@code web.Pages}, so that it needs no import of
 * {@code web} (which wires it) and the layout is the same on every page.
 */
public interface PageRenderer {
    /** Renders {@code template} (a jte file with {@code @param} of {@code page}'s type named {@code page}) as HTML. */
    void render(Context ctx, String template, Object page);
}
