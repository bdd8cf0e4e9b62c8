package paperboy.subscription;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

/**
 * Renders the HTML part of a mail from its jte template ({@code src/main/jte/mail/}), precompiled
 * into the jar like the pages: every value is escaped by the template engine, so a paper title
 * with {@code <script>} in it arrives as text.
 */
public final class MailHtml {
    private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(ContentType.Html);

    private MailHtml() {}

    /** {@code template} (e.g. {@code mail/digest.jte}) with its one {@code @param}. */
    public static String render(String template, Object page) {
        StringOutput output = new StringOutput(16 * 1024);
        ENGINE.render(template, page, output);
        return output.toString();
    }
}
