package paperboy.harvest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamException;
import paperboy.paper.ArxivId;
import paperboy.paper.CleanText;
import paperboy.paper.Paper;

/** Turns the {@code arXiv} and {@code arXivRaw} OAI-PMH metadata formats into {@link Paper}s. */
final class ArxivMetadata {
    static final String ARXIV = "http://arxiv.org/OAI/arXiv/";
    static final String ARXIV_RAW = "http://arxiv.org/OAI/arXivRaw/";

    /** Version 0: the arXiv format does not say how many versions a paper has. */
    static final int VERSION_UNKNOWN = 0;

    record Parsed(Paper paper, List<OaiRecord.Version> versions) {}

    private ArxivMetadata() {}

    /** Reads the format's record the cursor stands on; the cursor ends on its end. */
    static Parsed read(XmlCursor xml) throws XMLStreamException {
        if (xml.is(ARXIV, "arXiv")) {
            return new Parsed(arxiv(xml), List.of());
        }
        if (xml.is(ARXIV_RAW, "arXivRaw")) {
            return arxivRaw(xml);
        }
        throw new IllegalArgumentException("unsupported metadata format {" + xml.namespace() + "}" + xml.localName());
    }

    /**
     * The first text of each child element in the format's namespace, by name ({@code title},
     * {@code doi}, ...); {@code nested} names the children that {@code readNested} reads instead.
     */
    private static Map<String, String> fields(XmlCursor xml, String ns, String nested, NestedReader readNested)
            throws XMLStreamException {
        Map<String, String> fields = new HashMap<>();
        while (xml.nextChild()) {
            if (!xml.inNamespace(ns)) {
                xml.skip();
            } else if (xml.localName().equals(nested)) {
                readNested.read(xml);
            } else if (fields.containsKey(xml.localName())) {
                xml.skip();
            } else {
                fields.put(xml.localName(), xml.text());
            }
        }
        return fields;
    }

    @FunctionalInterface
    private interface NestedReader {
        void read(XmlCursor xml) throws XMLStreamException;
    }

    private static Paper arxiv(XmlCursor xml) throws XMLStreamException {
        List<String> authors = new ArrayList<>();
        Map<String, String> m = fields(xml, ARXIV, "authors", list -> {
            while (list.nextChild()) {
                if (list.is(ARXIV, "author")) {
                    authors.add(authorName(fields(list, ARXIV, null, null)));
                } else {
                    list.skip();
                }
            }
        });
        Instant created = day(required(m, "created"));
        String updated = m.get("updated");
        return new Paper(
                ArxivId.parse(required(m, "id")),
                VERSION_UNKNOWN,
                CleanText.oneLine(required(m, "title")),
                CleanText.oneLine(m.get("abstract")),
                authors,
                categories(m.get("categories")),
                created,
                updated == null ? created : day(updated),
                bibliography(m),
                null,
                null);
    }

    private static String authorName(Map<String, String> author) {
        return CleanText.authorName(String.join(" ", nonBlank(
                author.get("forenames"), author.get("keyname"), author.get("suffix"))));
    }

    private static Parsed arxivRaw(XmlCursor xml) throws XMLStreamException {
        List<OaiRecord.Version> versions = new ArrayList<>();
        Map<String, String> m = fields(xml, ARXIV_RAW, "version", v -> {
            int number = versionNumber(v.attribute("version"));
            Map<String, String> fields = fields(v, ARXIV_RAW, null, null);
            versions.add(new OaiRecord.Version(number,
                    ZonedDateTime.parse(required(fields, "date").strip(), DateTimeFormatter.RFC_1123_DATE_TIME)
                            .toInstant(),
                    CleanText.oneLine(fields.get("size"))));
        });
        if (versions.isEmpty()) {
            throw new IllegalArgumentException("arXivRaw record without versions");
        }
        var byNumber = versions.stream().sorted((a, b) -> Integer.compare(a.number(), b.number())).toList();
        Paper paper = new Paper(
                ArxivId.parse(required(m, "id")),
                byNumber.getLast().number(),
                CleanText.oneLine(required(m, "title")),
                CleanText.oneLine(m.get("abstract")),
                AuthorList.split(m.get("authors")).stream().map(CleanText::authorName).toList(),
                categories(m.get("categories")),
                byNumber.getFirst().submitted(),
                byNumber.getLast().submitted(),
                bibliography(m),
                null,
                null);
        return new Parsed(paper, byNumber);
    }

    private static Paper.Bibliography bibliography(Map<String, String> m) {
        return new Paper.Bibliography(
                CleanText.oneLine(m.get("doi")),
                CleanText.oneLine(m.get("journal-ref")),
                CleanText.oneLine(m.get("comments")),
                CleanText.oneLine(m.get("license")));
    }

    /** Space-separated, primary first, as arXiv lists them. */
    private static List<String> categories(String text) {
        return text == null || text.isBlank() ? List.of() : List.of(text.strip().split("\\s+"));
    }

    private static int versionNumber(String attribute) {
        String s = attribute.strip();
        if (!s.matches("v\\d+")) {
            throw new IllegalArgumentException("bad version attribute '" + attribute + "'");
        }
        return Integer.parseInt(s.substring(1));
    }

    private static Instant day(String isoDate) {
        return LocalDate.parse(isoDate.strip()).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static String required(Map<String, String> m, String name) {
        String text = m.get(name);
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("missing <" + name + ">");
        }
        return text;
    }

    private static List<String> nonBlank(String... parts) {
        return Arrays.stream(parts).filter(p -> p != null && !p.isBlank()).map(String::strip).toList();
    }
}
