package paperboy.syndication;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The rules of RFC 4287 (Atom 1.0) that a feed validator checks, read with the JDK's XML parser
 * since no validator runs here: one {@code atom:id}, {@code atom:title} and {@code atom:updated}
 * per feed and per entry; an author on the feed or on every entry; a {@code rel="self"} link on
 * the feed; at most one alternate link per type and language; ids and link targets absolute IRIs;
 * dates RFC 3339 date-times; text constructs of type text, html or xhtml; an entry without content
 * links an alternate. {@link #violations} lists what breaks them, empty for a valid feed.
 */
final class AtomRules {
    static final String ATOM = "http://www.w3.org/2005/Atom";
    // RFC 3339 date-time: full date, 'T', full time with seconds, optional fraction, Z or an offset.
    private static final Pattern DATE_TIME =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})");

    private AtomRules() {}

    static List<String> violations(String xml) {
        Document doc = parse(xml);
        List<String> found = new ArrayList<>();
        Element feed = doc.getDocumentElement();
        if (!ATOM.equals(feed.getNamespaceURI()) || !"feed".equals(feed.getLocalName())) {
            found.add("the root is not atom:feed but " + feed.getNodeName());
            return found;
        }
        common(feed, "feed", found);
        if (links(feed).stream().noneMatch(l -> "self".equals(l.getAttribute("rel")))) {
            found.add("feed: no link rel=\"self\"");
        }
        boolean feedAuthor = !children(feed, "author").isEmpty();
        for (Element entry : children(feed, "entry")) {
            String where = "entry " + text(children(entry, "id"));
            common(entry, where, found);
            if (!feedAuthor && children(entry, "author").isEmpty()) {
                found.add(where + ": no atom:author, and the feed has none");
            }
            if (children(entry, "content").isEmpty() && links(entry).stream().noneMatch(AtomRules::alternate)) {
                found.add(where + ": neither content nor an alternate link");
            }
            exactlyOneAtMost(entry, "published", where, found);
        }
        return found;
    }

    /** What feeds and entries share: one id, title and updated; absolute ids and links; valid dates and text types. */
    private static void common(Element e, String where, List<String> found) {
        for (String name : List.of("id", "title", "updated")) {
            int n = children(e, name).size();
            if (n != 1) {
                found.add(where + ": " + n + " atom:" + name + " (RFC 4287 wants exactly one)");
            }
        }
        children(e, "id").forEach(id -> absolute(id.getTextContent().strip(), where + " atom:id", found));
        for (String name : List.of("updated", "published")) {
            children(e, name).forEach(d -> date(d.getTextContent().strip(), where + " atom:" + name, found));
        }
        Set<String> alternates = new HashSet<>();
        for (Element link : links(e)) {
            if (!link.hasAttribute("href")) {
                found.add(where + ": a link without href");
                continue;
            }
            absolute(link.getAttribute("href"), where + " link " + link.getAttribute("rel"), found);
            if (alternate(link) && !alternates.add(link.getAttribute("type") + "|" + link.getAttribute("hreflang"))) {
                found.add(where + ": two alternate links of type " + link.getAttribute("type"));
            }
        }
        for (String name : List.of("title", "subtitle", "summary", "rights", "content")) {
            for (Element t : children(e, name)) {
                String type = t.getAttribute("type");
                boolean mediaType = name.equals("content") && type.contains("/");
                if (!type.isEmpty() && !List.of("text", "html", "xhtml").contains(type) && !mediaType) {
                    found.add(where + ": atom:" + name + " of type \"" + type + "\"");
                }
            }
        }
        for (Element author : children(e, "author")) {
            if (children(author, "name").size() != 1) {
                found.add(where + ": an author without exactly one atom:name");
            }
            children(author, "uri").forEach(u -> absolute(u.getTextContent().strip(), where + " author uri", found));
        }
    }

    private static void exactlyOneAtMost(Element e, String name, String where, List<String> found) {
        if (children(e, name).size() > 1) {
            found.add(where + ": more than one atom:" + name);
        }
    }

    private static boolean alternate(Element link) {
        return !link.hasAttribute("rel") || "alternate".equals(link.getAttribute("rel"));
    }

    private static void absolute(String iri, String what, List<String> found) {
        try {
            URI uri = new URI(iri);
            if (!uri.isAbsolute() || uri.getHost() == null) {
                found.add(what + ": \"" + iri + "\" is not an absolute IRI");
            }
        } catch (java.net.URISyntaxException e) {
            found.add(what + ": \"" + iri + "\" is not an IRI (" + e.getReason() + ")");
        }
    }

    private static void date(String text, String what, List<String> found) {
        if (!DATE_TIME.matcher(text).matches()) {
            found.add(what + ": \"" + text + "\" is not an RFC 3339 date-time");
            return;
        }
        try {
            OffsetDateTime.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            found.add(what + ": \"" + text + "\" is not a real date");
        }
    }

    private static List<Element> links(Element e) {
        return children(e, "link");
    }

    private static List<Element> children(Element e, String name) {
        List<Element> out = new ArrayList<>();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c && ATOM.equals(c.getNamespaceURI()) && name.equals(c.getLocalName())) {
                out.add(c);
            }
        }
        return out;
    }

    private static String text(List<Element> elements) {
        return elements.isEmpty() ? "(no id)" : elements.getFirst().getTextContent().strip();
    }

    static Document parse(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError("not well-formed XML: " + e.getMessage() + "\n" + xml, e);
        }
    }
}
