package paperboy.harvest;

import java.io.ByteArrayInputStream;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Walks an XML document element by element with StAX (namespace-aware, no DTDs, no external
 * entities), for answers too large to build a DOM of: an OAI-PMH page holds a thousand records.
 *
 * <p>The cursor stands on an element's start; {@link #nextChild} moves to the next child of the
 * element it stands in, and {@link #text} or {@link #skip} consume the element it stands on,
 * leaving the cursor on its end. A page is read in one pass, and a body cut off anywhere fails.
 */
final class XmlCursor implements AutoCloseable {
    private final XMLStreamReader reader;

    private XmlCursor(XMLStreamReader reader) {
        this.reader = reader;
    }

    /** A cursor on the root element of {@code body}; a document with a DOCTYPE is refused. */
    static XmlCursor atRoot(byte[] body) throws XMLStreamException {
        XmlCursor cursor = new XmlCursor(factory().createXMLStreamReader(new ByteArrayInputStream(body)));
        try {
            cursor.toRoot();
            return cursor;
        } catch (XMLStreamException | RuntimeException e) {
            cursor.close();
            throw e;
        }
    }

    // A factory per document: making one costs microseconds next to a page of records, and the
    // JDK's factories are not documented as safe to share between threads.
    private static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        // arXiv never sends a DOCTYPE; with DTDs off no entity can be declared, so none can be
        // expanded or fetched (XXE, billion laughs), and toRoot() refuses the DOCTYPE itself.
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        return f;
    }

    private void toRoot() throws XMLStreamException {
        while (reader.hasNext()) {
            int event = reader.next();
            if (event == XMLStreamConstants.DTD) {
                throw new XMLStreamException("DOCTYPE is not allowed (arXiv never sends one)", reader.getLocation());
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                return;
            }
        }
        throw new XMLStreamException("no root element", reader.getLocation());
    }

    /**
     * Moves to the next child element of the element the cursor stands in. False when there is none
     * left: the cursor is then on that element's end.
     */
    boolean nextChild() throws XMLStreamException {
        while (true) {
            int event = reader.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                return true;
            }
            if (event == XMLStreamConstants.END_ELEMENT) {
                return false;
            }
        }
    }

    /** Whether the cursor stands on the element {@code {ns}localName}. */
    boolean is(String ns, String localName) {
        return localName.equals(reader.getLocalName()) && ns.equals(reader.getNamespaceURI());
    }

    boolean inNamespace(String ns) {
        return ns.equals(reader.getNamespaceURI());
    }

    String localName() {
        return reader.getLocalName();
    }

    String namespace() {
        String ns = reader.getNamespaceURI();
        return ns == null ? "" : ns;
    }

    /** The element's name as written, with its prefix if it has one. */
    String qualifiedName() {
        String prefix = reader.getPrefix();
        return prefix == null || prefix.isEmpty() ? reader.getLocalName() : prefix + ":" + reader.getLocalName();
    }

    /** The value of an unqualified attribute of the element, or "" when it has none (as in DOM). */
    String attribute(String name) {
        String value = reader.getAttributeValue(null, name);
        return value == null ? "" : value;
    }

    /** All the text inside the element, nested elements' too (DOM's textContent); ends on its end. */
    String text() throws XMLStreamException {
        String first = null;
        StringBuilder more = null;
        for (int depth = 1; depth > 0; ) {
            switch (reader.next()) {
                case XMLStreamConstants.START_ELEMENT -> depth++;
                case XMLStreamConstants.END_ELEMENT -> depth--;
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    // Most elements hold one run of text; only split runs (at &amp; or a buffer
                    // boundary) pay for a builder.
                    if (first == null) {
                        first = reader.getText();
                    } else {
                        if (more == null) {
                            more = new StringBuilder(first);
                        }
                        more.append(reader.getTextCharacters(), reader.getTextStart(), reader.getTextLength());
                    }
                }
                default -> { }
            }
        }
        return more != null ? more.toString() : first == null ? "" : first;
    }

    /** Passes over the element and everything in it; ends on its end. */
    void skip() throws XMLStreamException {
        for (int depth = 1; depth > 0; ) {
            int event = reader.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    /** Reads what follows the root element, so that a malformed tail fails too. */
    void toEnd() throws XMLStreamException {
        while (reader.hasNext()) {
            reader.next();
        }
    }

    @Override
    public void close() throws XMLStreamException {
        reader.close();
    }
}
