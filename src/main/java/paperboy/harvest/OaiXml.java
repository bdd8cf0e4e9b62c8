package paperboy.harvest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamException;
import paperboy.paper.ArxivId;
import paperboy.paper.CleanText;

/**
 * Reads an OAI-PMH response envelope: the error, or the records and the resumption token. It
 * streams (StAX, see {@link XmlCursor}): a page of a thousand records is read in one pass without
 * building a tree of it.
 */
final class OaiXml {
    static final String OAI = "http://www.openarchives.org/OAI/2.0/";
    private static final String OAI_ID_PREFIX = "oai:arXiv.org:";

    private OaiXml() {}

    /**
     * @param request names the request in error messages (its URL)
     * @throws ArxivResponseException on malformed or truncated XML, or a response that is not OAI-PMH
     */
    static OaiAnswer parse(byte[] body, String request) throws ArxivResponseException {
        try (XmlCursor xml = XmlCursor.atRoot(body)) {
            if (!xml.is(OAI, "OAI-PMH")) {
                throw new ArxivResponseException("the answer to " + request + " is not an OAI-PMH response (root <"
                        + xml.qualifiedName() + ">)");
            }
            OaiAnswer answer = envelope(xml, request);
            xml.toEnd();
            return answer;
        } catch (XMLStreamException e) {
            throw new ArxivResponseException("malformed XML in the answer to " + request + ": "
                    + CleanText.oneLine(e.getMessage()), e);
        }
    }

    /** The root's children: an error wins over records, as a repository sends one or the other. */
    private static OaiAnswer envelope(XmlCursor xml, String request) throws XMLStreamException, ArxivResponseException {
        OaiAnswer error = null;
        OaiAnswer.Page page = null;
        while (xml.nextChild()) {
            if (error == null && xml.is(OAI, "error")) {
                String code = xml.attribute("code");
                error = OaiAnswer.error(code, CleanText.oneLine(xml.text()));
            } else if (page == null && (xml.is(OAI, "ListRecords") || xml.is(OAI, "GetRecord"))) {
                page = page(xml, request);
            } else {
                xml.skip();
            }
        }
        if (error != null) {
            return error;
        }
        if (page == null) {
            throw new ArxivResponseException("the answer to " + request + " has neither records nor an error");
        }
        return page;
    }

    private static OaiAnswer.Page page(XmlCursor xml, String request) throws XMLStreamException, ArxivResponseException {
        List<OaiRecord> records = new ArrayList<>();
        ResumptionToken token = ResumptionToken.COMPLETE;
        boolean tokenSeen = false;
        while (xml.nextChild()) {
            if (xml.is(OAI, "record")) {
                records.add(record(xml, request));
            } else if (!tokenSeen && xml.is(OAI, "resumptionToken")) {
                tokenSeen = true;
                token = resumption(xml, request);
            } else {
                xml.skip();
            }
        }
        return new OaiAnswer.Page(records, token);
    }

    /** A record's header as written; parsed into ids and dates by {@link #record}. */
    private record Header(String identifier, String datestamp, boolean deleted, List<String> setSpecs) {
        static Header read(XmlCursor xml) throws XMLStreamException {
            boolean deleted = "deleted".equals(xml.attribute("status"));
            String identifier = null;
            String datestamp = null;
            List<String> sets = new ArrayList<>();
            while (xml.nextChild()) {
                if (identifier == null && xml.is(OAI, "identifier")) {
                    identifier = xml.text().strip();
                } else if (datestamp == null && xml.is(OAI, "datestamp")) {
                    datestamp = xml.text();
                } else if (xml.is(OAI, "setSpec")) {
                    sets.add(xml.text().strip());
                } else {
                    xml.skip();
                }
            }
            return new Header(identifier, datestamp, deleted, sets);
        }
    }

    private static OaiRecord record(XmlCursor xml, String request) throws XMLStreamException, ArxivResponseException {
        Header header = null;
        try {
            ArxivMetadata.Parsed metadata = null;
            while (xml.nextChild()) {
                if (header == null && xml.is(OAI, "header")) {
                    header = Header.read(xml);
                } else if (metadata == null && xml.is(OAI, "metadata") && (header == null || !header.deleted())) {
                    metadata = metadata(xml);
                } else {
                    xml.skip();
                }
            }
            if (header == null || header.identifier() == null) {
                throw new ArxivResponseException("a record without identifier in the answer to " + request);
            }
            ArxivId id = ArxivId.parse(stripOaiPrefix(header.identifier()));
            LocalDate datestamp = datestamp(header.datestamp());
            if (header.deleted()) {
                return new OaiRecord.Deleted(id, datestamp);
            }
            if (metadata == null) {
                throw new IllegalArgumentException("no metadata");
            }
            return new OaiRecord.Live(id, datestamp, header.setSpecs(), metadata.paper(), metadata.versions());
        } catch (IllegalArgumentException | DateTimeParseException e) {
            String which = header == null || header.identifier() == null ? "" : header.identifier() + " ";
            throw new ArxivResponseException("unreadable record " + which + "in the answer to " + request + ": "
                    + e.getMessage(), e);
        }
    }

    /** The one element inside {@code <metadata>}: the format's record. */
    private static ArxivMetadata.Parsed metadata(XmlCursor xml) throws XMLStreamException {
        ArxivMetadata.Parsed parsed = null;
        while (xml.nextChild()) {
            if (parsed == null) {
                parsed = ArxivMetadata.read(xml);
            } else {
                xml.skip();
            }
        }
        if (parsed == null) {
            throw new IllegalArgumentException("no metadata");
        }
        return parsed;
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

    private static ResumptionToken resumption(XmlCursor xml, String request)
            throws XMLStreamException, ArxivResponseException {
        String size = xml.attribute("completeListSize");
        String cursor = xml.attribute("cursor");
        String value = xml.text();
        try {
            return new ResumptionToken(value, number(size), number(cursor));
        } catch (NumberFormatException e) {
            throw new ArxivResponseException("bad resumptionToken attributes in the answer to " + request, e);
        }
    }

    private static Long number(String attribute) {
        return attribute.isBlank() ? null : Long.valueOf(attribute.strip());
    }
}
