package paperboy.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
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
 * JSON Lines, one paper a line. Line by line, so a damaged line costs only itself; a chunk of lines
 * is parsed on its own (see {@link Importer}), so several chunks can be parsed at once.
 */
final class KaggleFormat {
    private final ObjectMapper json;

    KaggleFormat(ObjectMapper json) {
        this.json = json;
    }

    /** Parses the lines of {@code chunk} into a batch to store with the checkpoint after its last line. */
    Step.Batch parse(String name, List<SnapshotLines.Line> chunk, ImportCheckpoint after, long bytesDone) {
        List<PaperUpdate> updates = new ArrayList<>(chunk.size());
        List<Rejection> rejections = new ArrayList<>();
        for (SnapshotLines.Line line : chunk) {
            if (line.isBlank()) {
                continue;
            }
            String where = name + ":" + line.number();
            try {
                updates.add(PaperUpdate.of(paper(json.readTree(line.text()))));
            } catch (JsonProcessingException e) {
                rejections.add(new Rejection(where, "broken JSON: " + e.getOriginalMessage()));
            } catch (IllegalArgumentException e) {
                rejections.add(new Rejection(where, e.getMessage()));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e); // reading a byte array: does not happen
            }
        }
        return new Step.Batch(updates, rejections, after, updates.size() + rejections.size(), bytesDone);
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
