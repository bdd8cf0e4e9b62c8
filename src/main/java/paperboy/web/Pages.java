package paperboy.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import gg.jte.resolve.DirectoryCodeResolver;
import io.javalin.http.Context;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import paperboy.account.Visitors;
import paperboy.http.PageRenderer;
import paperboy.web.pages.Head;

/**
 * Renders the jte templates. In production they are precompiled into the jar; with
 * {@code PAPERBOY_TEMPLATES=src/main/jte} they are compiled from that folder and reloaded on change.
 * Every page rendered for a request also gets {@code visit} (who is looking, see
 * {@link paperboy.account.Visit}), which the layout shows in its account corner.
 */
public final class Pages implements PageRenderer {
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

    @Override
    public void render(Context ctx, String template, Object page) {
        render(ctx, template, page, null);
    }

    /** A template that takes {@code @param Head head} beside its page. */
    void render(Context ctx, String template, Object page, Head head) {
        Map<String, Object> params = new HashMap<>();
        params.put("page", page);
        if (head != null) {
            params.put("head", head);
        }
        params.put("visit", Visitors.visit(ctx));
        StringOutput output = new StringOutput(8192);
        engine.render(template, params, output);
        ctx.html(output.toString());
    }

    /** A page for no request in particular (what Jetty refuses before routing): for an anonymous visitor. */
    String html(String template, Object page) {
        StringOutput output = new StringOutput(8192);
        engine.render(template, Map.of("page", page), output);
        return output.toString();
    }
}
