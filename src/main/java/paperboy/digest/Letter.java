package paperboy.digest;

import java.util.List;
import paperboy.paper.ArxivId;
import paperboy.paper.Excerpt;
import paperboy.paper.Paper;
import paperboy.subscription.MailHtml;
import paperboy.subscription.SiteLinks;

/**
 * One subscriber's digest as its templates show it ({@code mail/digest.jte} and {@link #text()}):
 * the edition's trending featured papers, then each topic's new papers, with absolute links.
 */
public record Letter(String title, String period, List<Entry> featured, List<Section> topics, String siteUrl,
        String manageUrl, String unsubscribeUrl) {

    /** A paper as a digest lists it (what {@code mail/item.jte} shows). */
    public record Item(String title, String authors, String summaryStart, int upvotes, String pageUrl, String arxivUrl,
            String pdfUrl) {
        static Item of(Paper p, SiteLinks links) {
            ArxivId id = p.id();
            return new Item(p.title(), Excerpt.authors(p.authors()), Excerpt.summaryStart(p.summary()),
                    p.community().upvotes(), links.at("/papers/" + id.value()), id.absUrl(), id.pdfUrl());
        }
    }

    /**
     * A paper of a mail with its HTML (rendered and escaped by {@code mail/item.jte}) and its
     * plain-text lines, made once per edition: every mail that lists it reuses them, so composing
     * a mail is mostly joining pieces made before.
     */
    public record Entry(Item item, String html, String text) {
        static Entry of(Paper p, SiteLinks links) {
            Item item = Item.of(p, links);
            StringBuilder text = new StringBuilder();
            Letter.item(text, item);
            return new Entry(item, MailHtml.render("mail/item.jte", item), text.toString());
        }
    }

    /** A topic's matches, with the search to open for more. */
    public record Section(String query, String searchUrl, List<Entry> papers) {}

    public boolean isEmpty() {
        return featured.isEmpty() && topics.isEmpty();
    }

    /** The text/plain part. */
    public String text() {
        StringBuilder out = new StringBuilder();
        out.append(title).append('\n').append(period).append("\n\n");
        if (!featured.isEmpty()) {
            out.append("TRENDING\n\n");
            featured.forEach(entry -> out.append(entry.text()));
        }
        for (Section section : topics) {
            out.append("NEW FOR YOUR TOPIC: ").append(section.query()).append("\n(more: ").append(section.searchUrl())
                    .append(")\n\n");
            section.papers().forEach(entry -> out.append(entry.text()));
        }
        out.append("-- \nPaperboy: ").append(siteUrl).append('\n')
                .append("Change frequency or topics: ").append(manageUrl).append('\n')
                .append("Unsubscribe: ").append(unsubscribeUrl).append('\n');
        return out.toString();
    }

    private static void item(StringBuilder out, Item item) {
        out.append("* ").append(item.title()).append(" (").append(item.upvotes()).append(item.upvotes() == 1 ? " upvote" : " upvotes")
                .append(")\n");
        if (!item.authors().isEmpty()) {
            out.append("  ").append(item.authors()).append('\n');
        }
        if (!item.summaryStart().isEmpty()) {
            out.append("  ").append(item.summaryStart()).append('\n');
        }
        out.append("  ").append(item.pageUrl()).append("  |  PDF ").append(item.pdfUrl()).append("\n\n");
    }
}
