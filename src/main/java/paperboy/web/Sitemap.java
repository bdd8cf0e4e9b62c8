package paperboy.web;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import paperboy.paper.PaperStamp;

/**
 * Writes the files of the sitemaps.org protocol (0.9): a {@code urlset} of pages with their last
 * change, and a {@code sitemapindex} of such files when one would hold more than a file may (50,000
 * addresses). Written with StAX, so every address is XML-escaped.
 */
final class Sitemap {
    static final String NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9";
    /** The protocol's limit of addresses in one file (and of files in one index). */
    static final int MAX_URLS = 50_000;

    private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

    private Sitemap() {}

    /** One address in a {@code urlset}; {@code changed} null leaves {@code lastmod} out. */
    record Entry(String loc, Instant changed) {}

    static byte[] urlset(List<Entry> entries) {
        return write("urlset", "url", entries);
    }

    /** The index of sitemap files, {@code locs} absolute. */
    static byte[] index(List<String> locs) {
        return write("sitemapindex", "sitemap", locs.stream().map(loc -> new Entry(loc, null)).toList());
    }

    static Entry paper(String base, PaperStamp stamp) {
        return new Entry(base + "/papers/" + stamp.id().value(), stamp.changed());
    }

    private static byte[] write(String root, String element, List<Entry> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(128 + entries.size() * 110);
        try {
            XMLStreamWriter xml = XML.createXMLStreamWriter(bytes, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement(root);
            xml.writeDefaultNamespace(NAMESPACE);
            xml.writeCharacters("\n");
            for (Entry entry : entries) {
                xml.writeStartElement(element);
                text(xml, "loc", entry.loc());
                if (entry.changed() != null) {
                    // W3C Datetime, to the second: the protocol's lastmod format.
                    text(xml, "lastmod", entry.changed().truncatedTo(ChronoUnit.SECONDS).toString());
                }
                xml.writeEndElement();
                xml.writeCharacters("\n");
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write a sitemap", e);
        }
        return bytes.toByteArray();
    }

    private static void text(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(value);
        xml.writeEndElement();
    }
}
