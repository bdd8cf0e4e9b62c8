package paperboy.harvest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.w3c.dom.Element;
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

    static Parsed read(Element metadata) {
        String ns = metadata.getNamespaceURI();
        if (ARXIV.equals(ns) && "arXiv".equals(metadata.getLocalName())) {
            return new Parsed(arxiv(metadata), List.of());
        }
        if (ARXIV_RAW.equals(ns) && "arXivRaw".equals(metadata.getLocalName())) {
            return arxivRaw(metadata);
        }
        throw new IllegalArgumentException("unsupported metadata format {" + ns + "}" + metadata.getLocalName());
    }

    private static Paper arxiv(Element m) {
        List<String> authors = new ArrayList<>();
        Element list = Xml.child(m, ARXIV, "authors");
        for (Element author : list == null ? List.<Element>of() : Xml.children(list, ARXIV, "author")) {
            String name = String.join(" ", nonBlank(
                    Xml.text(author, ARXIV, "forenames"),
                    Xml.text(author, ARXIV, "keyname"),
                    Xml.text(author, ARXIV, "suffix")));
            authors.add(CleanText.authorName(name));
        }
        Instant created = day(required(m, ARXIV, "created"));
        String updated = Xml.text(m, ARXIV, "updated");
        return new Paper(
                ArxivId.parse(required(m, ARXIV, "id")),
                VERSION_UNKNOWN,
                CleanText.oneLine(required(m, ARXIV, "title")),
                CleanText.oneLine(Xml.text(m, ARXIV, "abstract")),
                authors,
                categories(Xml.text(m, ARXIV, "categories")),
                created,
                updated == null ? created : day(updated),
                bibliography(m, ARXIV),
                null,
                null);
    }

    private static Parsed arxivRaw(Element m) {
        List<OaiRecord.Version> versions = new ArrayList<>();
        for (Element v : Xml.children(m, ARXIV_RAW, "version")) {
            versions.add(new OaiRecord.Version(
                    versionNumber(v.getAttribute("version")),
                    ZonedDateTime.parse(required(v, ARXIV_RAW, "date").strip(),
                            DateTimeFormatter.RFC_1123_DATE_TIME).toInstant(),
                    CleanText.oneLine(Xml.text(v, ARXIV_RAW, "size"))));
        }
        if (versions.isEmpty()) {
            throw new IllegalArgumentException("arXivRaw record without versions");
        }
        var byNumber = versions.stream().sorted((a, b) -> Integer.compare(a.number(), b.number())).toList();
        Paper paper = new Paper(
                ArxivId.parse(required(m, ARXIV_RAW, "id")),
                byNumber.getLast().number(),
                CleanText.oneLine(required(m, ARXIV_RAW, "title")),
                CleanText.oneLine(Xml.text(m, ARXIV_RAW, "abstract")),
                AuthorList.split(Xml.text(m, ARXIV_RAW, "authors")).stream().map(CleanText::authorName).toList(),
                categories(Xml.text(m, ARXIV_RAW, "categories")),
                byNumber.getFirst().submitted(),
                byNumber.getLast().submitted(),
                bibliography(m, ARXIV_RAW),
                null,
                null);
        return new Parsed(paper, byNumber);
    }

    private static Paper.Bibliography bibliography(Element m, String ns) {
        return new Paper.Bibliography(
                CleanText.oneLine(Xml.text(m, ns, "doi")),
                CleanText.oneLine(Xml.text(m, ns, "journal-ref")),
                CleanText.oneLine(Xml.text(m, ns, "comments")),
                CleanText.oneLine(Xml.text(m, ns, "license")));
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

    private static String required(Element m, String ns, String name) {
        String text = Xml.text(m, ns, name);
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("missing <" + name + ">");
        }
        return text;
    }

    private static List<String> nonBlank(String... parts) {
        return Arrays.stream(parts).filter(p -> p != null && !p.isBlank()).map(String::strip).toList();
    }
}
