package paperboy.harvest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;
import paperboy.paper.ArxivId;
import paperboy.paper.CleanText;

/** Reads an OAI-PMH response envelope: the error, or the records and the resumption token. */
final class OaiXml {
    static final String OAI = "http://www.openarchives.org/OAI/2.0/";
    private static final String OAI_ID_PREFIX = "oai:arXiv.org:";

    private OaiXml() {}

    /**
     * @param request names the request in error messages (its URL)
     * @throws ArxivResponseException on malformed XML or a response that is not OAI-PMH
     */
    static OaiAnswer parse(byte[] body, String request) throws ArxivResponseException {
        Element root = Xml.parse(body, request).getDocumentElement();
        if (!OAI.equals(root.getNamespaceURI()) || !"OAI-PMH".equals(root.getLocalName())) {
            throw new ArxivResponseException("the answer to " + request + " is not an OAI-PMH response (root <"
                    + root.getTagName() + ">)");
        }
        Element error = Xml.child(root, OAI, "error");
        if (error != null) {
            return OaiAnswer.error(error.getAttribute("code"), CleanText.oneLine(error.getTextContent()));
        }
        Element list = listElement(root);
        if (list == null) {
            throw new ArxivResponseException("the answer to " + request + " has neither records nor an error");
        }
        List<OaiRecord> records = new ArrayList<>();
        for (Element record : Xml.children(list, OAI, "record")) {
            records.add(record(record, request));
        }
        return new OaiAnswer.Page(records, resumption(list, request));
    }

    private static Element listElement(Element root) {
        Element list = Xml.child(root, OAI, "ListRecords");
        return list != null ? list : Xml.child(root, OAI, "GetRecord");
    }

    private static OaiRecord record(Element record, String request) throws ArxivResponseException {
        Element header = Xml.child(record, OAI, "header");
        String identifier = header == null ? null : Xml.text(header, OAI, "identifier");
        if (identifier == null) {
            throw new ArxivResponseException("a record without identifier in the answer to " + request);
        }
        try {
            ArxivId id = ArxivId.parse(stripOaiPrefix(identifier.strip()));
            LocalDate datestamp = datestamp(Xml.text(header, OAI, "datestamp"));
            if ("deleted".equals(header.getAttribute("status"))) {
                return new OaiRecord.Deleted(id, datestamp);
            }
            List<String> sets = Xml.children(header, OAI, "setSpec").stream()
                    .map(e -> e.getTextContent().strip()).toList();
            Element metadata = Xml.child(record, OAI, "metadata");
            Element format = metadata == null ? null : Xml.firstElement(metadata);
            if (format == null) {
                throw new IllegalArgumentException("no metadata");
            }
            ArxivMetadata.Parsed parsed = ArxivMetadata.read(format);
            return new OaiRecord.Live(id, datestamp, sets, parsed.paper(), parsed.versions());
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new ArxivResponseException("unreadable record " + identifier.strip() + " in the answer to "
                    + request + ": " + e.getMessage(), e);
        }
    }

    // The OAI identifier scheme, not an arXiv id spelling: oai:<repository>:<local id>.
    private static String stripOaiPrefix(String identifier) {
        return identifier.regionMatches(true, 0, OAI_ID_PREFIX, 0, OAI_ID_PREFIX.length())
                ? identifier.substring(OAI_ID_PREFIX.length())
                : identifier;
    }

    /** Day granularity; a seconds-granularity datestamp (2015-01-03T00:00:00Z) keeps its day. */
    private static LocalDate datestamp(String text) {
        String s = text == null ? "" : text.strip();
        return LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s);
    }

    private static ResumptionToken resumption(Element list, String request) throws ArxivResponseException {
        Element token = Xml.child(list, OAI, "resumptionToken");
        if (token == null) {
            return ResumptionToken.COMPLETE;
        }
        try {
            return new ResumptionToken(token.getTextContent(),
                    number(token.getAttribute("completeListSize")), number(token.getAttribute("cursor")));
        } catch (NumberFormatException e) {
            throw new ArxivResponseException("bad resumptionToken attributes in the answer to " + request, e);
        }
    }

    private static Long number(String attribute) {
        return attribute == null || attribute.isBlank() ? null : Long.valueOf(attribute.strip());
    }
}
