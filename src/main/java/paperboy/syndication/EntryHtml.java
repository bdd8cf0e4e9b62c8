package paperboy.syndication;

import java.time.ZoneOffset;
import paperboy.paper.Paper;

/**
 * An entry's body as HTML, for readers that show the content alone: the authors, the abstract and
 * links to the paper page, arXiv and the PDF. Every piece of paper text is escaped.
 */
final class EntryHtml {
    private EntryHtml() {}

    static String of(Paper paper, String page) {
        StringBuilder html = new StringBuilder(paper.summary().length() + 512);
        if (paper.withdrawn()) {
            html.append("<p><strong>Withdrawn</strong> on ")
                    .append(paper.withdrawnAt().atZone(ZoneOffset.UTC).toLocalDate()).append(".</p>");
        }
        if (!paper.authors().isEmpty()) {
            html.append("<p>").append(escape(String.join(", ", paper.authors()))).append("</p>");
        }
        html.append("<p>").append(escape(paper.summary())).append("</p>");
        html.append("<p>").append(anchor(page, "Paperboy")).append(" · ")
                .append(anchor(paper.id().absUrl(), "arXiv")).append(" · ")
                .append(anchor(paper.id().pdfUrl(), "PDF")).append("</p>");
        return html.toString();
    }

    private static String anchor(String href, String text) {
        return "<a href=\"" + escape(href) + "\">" + text + "</a>";
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
