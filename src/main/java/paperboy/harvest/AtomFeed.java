package paperboy.harvest;

import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.w3c.dom.Element;
import paperboy.paper.ArxivId;
import paperboy.paper.CleanText;
import paperboy.paper.Paper;

/** Reads an arXiv API answer (Atom with the arxiv: and opensearch: extensions) into entries. */
final class AtomFeed {
    static final String ATOM = "http://www.w3.org/2005/Atom";
    static final String ARXIV = "http://arxiv.org/schemas/atom";
    static final String OPENSEARCH = "http://a9.com/-/spec/opensearch/1.1/";
    /** An arXiv category (cs.CV, hep-th, physics.soc-ph); keeps MSC/ACM class terms out. */
    private static final Pattern CATEGORY = Pattern.compile("[a-z][a-z-]*(\\.[A-Za-z][A-Za-z-]*)?");

    /** @param errors what arXiv said in its error entries (it answers a bad id with an entry) */
    record Parsed(List<ArxivEntry> entries, List<String> errors, SearchPage page) {}

    private AtomFeed() {}

    static Parsed parse(byte[] body, String request) throws ArxivResponseException {
        Element feed = Xml.parse(body, request).getDocumentElement();
        if (!ATOM.equals(feed.getNamespaceURI()) || !"feed".equals(feed.getLocalName())) {
            throw new ArxivResponseException("the answer to " + request + " is not an Atom feed (root <"
                    + feed.getTagName() + ">)");
        }
        List<ArxivEntry> entries = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (Element entry : Xml.children(feed, ATOM, "entry")) {
            String id = Xml.text(entry, ATOM, "id");
            if (isError(entry, id)) {
                errors.add(CleanText.oneLine(Xml.text(entry, ATOM, "summary")));
                continue;
            }
            try {
                entries.add(entry(entry, id));
            } catch (IllegalArgumentException | DateTimeParseException e) {
                throw new ArxivResponseException("unreadable entry " + id + " in the answer to " + request
                        + ": " + e.getMessage(), e);
            }
        }
        var page = new SearchPage(entries, count(feed, "totalResults"), count(feed, "startIndex"),
                count(feed, "itemsPerPage"));
        return new Parsed(entries, errors, page);
    }

    private static boolean isError(Element entry, String id) {
        return id == null || id.contains("/api/errors") || "Error".equals(CleanText.oneLine(Xml.text(entry, ATOM, "title")));
    }

    private static ArxivEntry entry(Element e, String idText) {
        ArxivId.Versioned versioned = ArxivId.parseVersioned(idText.strip());
        List<String> authors = new ArrayList<>();
        for (Element author : Xml.children(e, ATOM, "author")) {
            authors.add(CleanText.authorName(Xml.text(author, ATOM, "name")));
        }
        Paper paper = new Paper(
                versioned.id(),
                versioned.version(),
                CleanText.oneLine(Xml.text(e, ATOM, "title")),
                CleanText.oneLine(Xml.text(e, ATOM, "summary")),
                authors,
                categories(e),
                instant(Xml.text(e, ATOM, "published")),
                instant(Xml.text(e, ATOM, "updated")),
                new Paper.Bibliography(
                        CleanText.oneLine(Xml.text(e, ARXIV, "doi")),
                        CleanText.oneLine(Xml.text(e, ARXIV, "journal_ref")),
                        CleanText.oneLine(Xml.text(e, ARXIV, "comment")),
                        null), // the API does not carry the licence; OAI-PMH does
                null,
                null);
        return new ArxivEntry(paper, pdf(e));
    }

    /** The primary category first, then the other arXiv categories, each once. */
    private static List<String> categories(Element e) {
        Set<String> categories = new LinkedHashSet<>();
        Element primary = Xml.child(e, ARXIV, "primary_category");
        if (primary != null && !primary.getAttribute("term").isBlank()) {
            categories.add(primary.getAttribute("term").strip());
        }
        for (Element c : Xml.children(e, ATOM, "category")) {
            String term = c.getAttribute("term").strip();
            if (CATEGORY.matcher(term).matches()) {
                categories.add(term);
            }
        }
        return List.copyOf(categories);
    }

    private static URI pdf(Element e) {
        for (Element link : Xml.children(e, ATOM, "link")) {
            if ("pdf".equals(link.getAttribute("title")) || "application/pdf".equals(link.getAttribute("type"))) {
                return URI.create(link.getAttribute("href").strip());
            }
        }
        return null;
    }

    private static Instant instant(String text) {
        return text == null || text.isBlank() ? null : Instant.parse(text.strip());
    }

    private static long count(Element feed, String name) {
        String text = Xml.text(feed, OPENSEARCH, name);
        try {
            return text == null ? 0 : Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
