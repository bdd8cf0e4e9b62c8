package paperboy.harvest;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One OAI-PMH request, turned into a URL against a base such as https://oaipmh.arxiv.org/oai.
 * Per the protocol, a request that resumes a list carries only the verb and the resumption token;
 * the other arguments are null.
 */
public record OaiRequest(
        String verb,
        String metadataPrefix,
        String set,
        LocalDate from,
        LocalDate until,
        String identifier,
        String resumptionToken) {

    /** The arXiv format: structured authors, categories, licence, DOI, created/updated dates. */
    public static final String ARXIV = "arXiv";
    /** The arXivRaw format: adds the version history with dates. */
    public static final String ARXIV_RAW = "arXivRaw";

    public OaiRequest {
        Objects.requireNonNull(verb, "verb");
        if (resumptionToken != null) {
            if (resumptionToken.isBlank()) {
                throw new IllegalArgumentException("an empty resumption token means the list is complete");
            }
            if (metadataPrefix != null || set != null || from != null || until != null || identifier != null) {
                throw new IllegalArgumentException("a resumption request carries only the token");
            }
        } else if (!verb.equals("Identify") && metadataPrefix == null) {
            throw new IllegalArgumentException(verb + " needs a metadataPrefix");
        }
        if (from != null && until != null && from.isAfter(until)) {
            throw new IllegalArgumentException("from " + from + " is after until " + until);
        }
    }

    /** The first page of records changed in [from, until]; set, from and until may be null. */
    public static OaiRequest listRecords(String metadataPrefix, String set, LocalDate from, LocalDate until) {
        return new OaiRequest("ListRecords", metadataPrefix, set, from, until, null, null);
    }

    /** The next page of a list. */
    public static OaiRequest resume(String verb, String resumptionToken) {
        return new OaiRequest(verb, null, null, null, null, null, resumptionToken);
    }

    /** One record, by OAI identifier ({@code oai:arXiv.org:1412.8544}). */
    public static OaiRequest getRecord(String metadataPrefix, String identifier) {
        return new OaiRequest("GetRecord", metadataPrefix, null, null, null,
                Objects.requireNonNull(identifier, "identifier"), null);
    }

    /** The request URL against {@code base}; arguments in the protocol's order, percent-encoded. */
    public URI toUri(URI base) {
        Map<String, String> args = new LinkedHashMap<>();
        args.put("verb", verb);
        put(args, "identifier", identifier);
        put(args, "metadataPrefix", metadataPrefix);
        put(args, "set", set);
        put(args, "from", from == null ? null : from.toString());
        put(args, "until", until == null ? null : until.toString());
        put(args, "resumptionToken", resumptionToken);
        String query = args.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        String b = base.toString();
        return URI.create(b + (b.contains("?") ? "&" : "?") + query);
    }

    private static void put(Map<String, String> args, String name, String value) {
        if (value != null) {
            args.put(name, value);
        }
    }
}
