package paperboy.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import gg.jte.resolve.DirectoryCodeResolver;
import io.javalin.http.Context;
import java.nio.file.Path;
import java.util.Map;
import paperboy.web.pages.Head;

/**
 * Renders the jte templates. In production they are precompiled into the jar; with
 * {@code PAPERBOY_TEMPLATES=src/main/jte} they are compiled from that folder and reloaded on change.
 */
public final class Pages {
    private final TemplateEngine engine;

    private Pages(TemplateEngine engine) {
        this.engine = engine;
    }

    public static Pages precompiled() {
        return new Pages(TemplateEngine.createPrecompiled(ContentType.Html));
    }

    public static Pages hotReloading(Path folder) {
        return new Pages(TemplateEngine.create(new DirectoryCodeResolver(folder), ContentType.Html));
    }

    void render(Context ctx, String template, Object page) {
        ctx.html(html(template, page));
    }

    /** A template that takes {@code @param Head head} beside its page. */
    void render(Context ctx, String template, Object page, Head head) {
        StringOutput output = new StringOutput(8192);
        engine.render(template, Map.of("page", page, "head", head), output);
        ctx.html(output.toString());
    }

    String html(String template, Object page) {
        StringOutput output = new StringOutput(8192);
        engine.render(template, page, output);
        return output.toString();
    }
}
