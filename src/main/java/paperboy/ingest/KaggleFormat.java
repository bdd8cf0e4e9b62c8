package paperboy.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import paperboy.paper.ArxivId;
import paperboy.paper.CleanText;
import paperboy.paper.Paper;
import paperboy.paper.PaperUpdate;

/**
 * Reads the arXiv metadata snapshot published on Kaggle ({@code arxiv-metadata-oai-snapshot.json}):
 * JSON Lines, one paper a line. Line by line, so a damaged line costs only itself.
 */
final class KaggleFormat implements SourceFormat {
    private final ObjectMapper json;

    KaggleFormat(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void read(InputStream in, String name, RecordSink sink) throws IOException {
        var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        int lineNo = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            String where = name + ":" + lineNo;
            try {
                sink.accept(PaperUpdate.of(paper(json.readTree(line))));
            } catch (JsonProcessingException e) {
                sink.reject(new Rejection(where, "broken JSON: " + e.getOriginalMessage()));
            } catch (IllegalArgumentException e) {
                sink.reject(new Rejection(where, e.getMessage()));
            }
        }
    }

    static Paper paper(JsonNode r) {
        if (!r.isObject()) {
            throw new IllegalArgumentException("a line must be a JSON object");
        }
        String rawId = Json.text(r, "id");
        if (rawId == null) {
            throw new IllegalArgumentException("missing id");
        }
        String title = CleanText.oneLine(Json.text(r, "title"));
        if (title == null || title.isEmpty()) {
            throw new IllegalArgumentException("missing title for " + rawId);
        }
        JsonNode versions = r.path("versions");
        return new Paper(ArxivId.parse(rawId), Math.max(versions.size(), 0), title,
                CleanText.oneLine(Json.text(r, "abstract")), authors(r), categories(Json.text(r, "categories")),
                firstVersionDate(versions), updateDate(Json.text(r, "update_date")),
                new Paper.Bibliography(Json.text(r, "doi"), CleanText.oneLine(Json.text(r, "journal-ref")),
                        CleanText.oneLine(Json.text(r, "comments")), Json.text(r, "license")),
                Paper.Links.NONE, Paper.Community.NONE);
    }

    /** Prefers {@code authors_parsed} ([last, first, suffix]) over splitting the free-text string. */
    private static List<String> authors(JsonNode r) {
        List<String> names = new ArrayList<>();
        JsonNode parsed = r.path("authors_parsed");
        if (parsed.isArray() && !parsed.isEmpty()) {
            for (JsonNode a : parsed) {
                String name = String.join(" ", part(a, 1), part(a, 0), part(a, 2));
                String clean = CleanText.authorName(name);
                if (!clean.isEmpty()) {
                    names.add(clean);
                }
            }
            return names;
        }
        String text = Json.text(r, "authors");
        if (text != null) {
            for (String name : text.split(",\\s*|\\s+and\\s+")) {
                String clean = CleanText.authorName(name);
                if (!clean.isEmpty()) {
                    names.add(clean);
                }
            }
        }
        return names;
    }

    private static String part(JsonNode author, int index) {
        return author.path(index).asText("");
    }

    private static List<String> categories(String text) {
        return text == null ? List.of() : Arrays.stream(text.strip().split("\\s+")).distinct().toList();
    }

    private static Instant firstVersionDate(JsonNode versions) {
        if (!versions.isArray() || versions.isEmpty()) {
            return null;
        }
        String created = Json.text(versions.get(0), "created");
        try {
            return created == null ? null : ZonedDateTime.parse(created, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("versions[0].created is not an RFC 1123 date: " + created);
        }
    }

    private static Instant updateDate(String text) {
        try {
            return text == null ? null : LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("update_date is not YYYY-MM-DD: " + text);
        }
    }
}
