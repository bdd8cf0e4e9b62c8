package paperboy.community.discussion;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * A member's Markdown as the HTML a page may show: commonmark renders it with raw HTML escaped and
 * unsafe link schemes dropped, images become links to them (nothing is loaded from elsewhere), and
 * jsoup then keeps only an allow-list of tags and attributes, links to http, https and mailto
 * only, each with {@code rel="nofollow ugc noopener"}. Two layers, so a gap in either is not a hole.
 */
public final class CommentMarkdown {
    /** The tags a comment may use; everything else is dropped and its text kept. */
    private static final Safelist ALLOWED = new Safelist()
            .addTags("p", "br", "em", "strong", "code", "pre", "blockquote", "ul", "ol", "li", "hr", "del")
            .addAttributes("a", "href")
            .addAttributes("ol", "start")
            .addProtocols("a", "href", "http", "https", "mailto")
            .addEnforcedAttribute("a", "rel", "nofollow ugc noopener");

    private final Parser parser = Parser.builder().build();
    private final HtmlRenderer renderer = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

    public String html(String markdown) {
        Node document = parser.parse(markdown);
        imagesAsLinks(document);
        Document.OutputSettings output = new Document.OutputSettings().prettyPrint(false);
        return Jsoup.clean(renderer.render(document), "", ALLOWED, output).strip();
    }

    /** {@code ![alt](url)} becomes a link to url with alt as its text: no remote image is loaded. */
    private static void imagesAsLinks(Node document) {
        List<Image> images = new ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Image image) {
                images.add(image);
                visitChildren(image);
            }
        });
        for (Image image : images) {
            Link link = new Link(image.getDestination(), image.getTitle());
            Node child = image.getFirstChild();
            while (child != null) {
                Node next = child.getNext();
                link.appendChild(child);
                child = next;
            }
            image.insertAfter(link);
            image.unlink();
        }
    }
}
