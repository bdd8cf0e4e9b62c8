package paperboy.harvest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Namespace-aware DOM parsing of arXiv's answers with DTDs and external entities switched off, for
 * the API's small Atom feeds; OAI-PMH pages are streamed instead ({@link XmlCursor}).
 */
final class Xml {
    private Xml() {}

    /** Parses {@code body}; malformed or truncated XML becomes an exception naming {@code what}. */
    static Document parse(byte[] body, String what) throws ArxivResponseException {
        try {
            DocumentBuilder builder = factory().newDocumentBuilder();
            builder.setErrorHandler(null); // no "[Fatal Error]" lines on stderr: we throw instead
            return builder.parse(new ByteArrayInputStream(body));
        } catch (SAXException e) {
            throw new ArxivResponseException("malformed XML in the answer to " + what + ": " + e.getMessage(), e);
        } catch (IOException | ParserConfigurationException e) {
            throw new ArxivResponseException("could not read the answer to " + what + ": " + e.getMessage(), e);
        }
    }

    private static DocumentBuilderFactory factory() throws ParserConfigurationException {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        // arXiv never sends a DOCTYPE; refusing one closes XXE and entity-expansion attacks.
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        return f;
    }

    static List<Element> children(Element parent, String ns, String localName) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName()) && ns.equals(e.getNamespaceURI())) {
                found.add(e);
            }
        }
        return found;
    }

    /** The first child element with that name, or null. */
    static Element child(Element parent, String ns, String localName) {
        List<Element> found = children(parent, ns, localName);
        return found.isEmpty() ? null : found.getFirst();
    }

    /** The text of the first child element with that name, or null when there is none. */
    static String text(Element parent, String ns, String localName) {
        Element e = child(parent, ns, localName);
        return e == null ? null : e.getTextContent();
    }
}
