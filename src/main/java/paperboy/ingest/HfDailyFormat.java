package paperboy.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import paperboy.paper.ArxivId;
import paperboy.paper.CleanText;
import paperboy.paper.Paper;
import paperboy.paper.PaperUpdate;

/**
 * Reads a Hugging Face daily-papers day file: the JSON array that {@code /api/daily_papers?date=}
 * answers, or the same array wrapped in an object's {@code data} field. The day a paper was
 * featured is the file's date when the name is {@code YYYY-MM-DD.json}, else the entry's
 * {@code submittedOnDailyAt}, else its top-level {@code publishedAt}. Entries are streamed one at a
 * time, so a file of any size reads in constant memory.
 */
final class HfDailyFormat implements SourceFormat {
    private static final Pattern DAY_FILE = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})\\.json$");

    private final ObjectMapper json;

    HfDailyFormat(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void read(InputStream in, String name, RecordSink sink) throws IOException {
        LocalDate fileDay = dayOf(name);
        try (JsonParser parser = json.getFactory().createParser(in)) {
            if (!enterEntries(parser, name, sink)) {
                return;
            }
            int index = 0;
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                if (parser.currentToken() == null) {
                    sink.reject(new Rejection(name, "the file ends before its array is closed (truncated?)"));
                    return;
                }
                int line = parser.currentTokenLocation().getLineNr();
                JsonNode entry = parser.readValueAsTree();
                String where = name + ":" + line + " (entry " + index++ + ")";
                read(entry, fileDay, where, sink);
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            sink.reject(new Rejection(name + ":" + e.getLocation().getLineNr(),
                    "broken JSON, the rest of the file is skipped: " + e.getOriginalMessage()));
        }
    }

    /** Moves the parser into the array of entries; false (with a rejection) when there is none. */
    private static boolean enterEntries(JsonParser parser, String name, RecordSink sink) throws IOException {
        JsonToken first = parser.nextToken();
        if (first == JsonToken.START_ARRAY) {
            return true;
        }
        if (first == JsonToken.START_OBJECT) {
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (field.equals("data") && value == JsonToken.START_ARRAY) {
                    return true;
                }
                parser.skipChildren();
            }
        }
        sink.reject(new Rejection(name, "not a daily-papers file: expected a JSON array of entries"
                + " (or an object with a \"data\" array)"));
        return false;
    }

    private static void read(JsonNode entry, LocalDate fileDay, String where, RecordSink sink) {
        if (entry.isTextual()) {
            sink.reject(new Rejection(where, "a string, not a JSON object"
                    + (entry.asText().startsWith("{'") ? " (the source stored a Python repr)" : "")));
            return;
        }
        if (!entry.isObject() || !entry.path("paper").isObject()) {
            sink.reject(new Rejection(where, "an entry needs a \"paper\" object"));
            return;
        }
        try {
            sink.accept(update(entry, fileDay));
        } catch (IllegalArgumentException e) {
            sink.reject(new Rejection(where, e.getMessage()));
        }
    }

    static PaperUpdate update(JsonNode entry, LocalDate fileDay) {
        JsonNode p = entry.get("paper");
        String rawId = Json.text(p, "id");
        if (rawId == null) {
            throw new IllegalArgumentException("missing paper.id");
        }
        String title = CleanText.oneLine(Json.text(p, "title") != null ? Json.text(p, "title") : Json.text(entry, "title"));
        if (title == null || title.isEmpty()) {
            throw new IllegalArgumentException("missing title for " + rawId);
        }
        Instant submittedOnDaily = Json.instant(p, "submittedOnDailyAt");
        Instant featuredAt = submittedOnDaily != null ? submittedOnDaily : Json.instant(entry, "publishedAt");
        LocalDate day = fileDay != null ? fileDay
                : featuredAt != null ? featuredAt.atZone(ZoneOffset.UTC).toLocalDate() : null;
        if (day == null) {
            throw new IllegalArgumentException("no featured day: neither a YYYY-MM-DD file name nor publishedAt");
        }
        ArxivId.Versioned id = ArxivId.parseVersioned(rawId);
        Paper paper = new Paper(id.id(), id.version(), title, CleanText.oneLine(Json.text(p, "summary")),
                authors(p), List.of(), Json.instant(p, "publishedAt"), null, Paper.Bibliography.NONE,
                new Paper.Links(Json.text(p, "githubRepo"), Json.integer(p, "githubStars"), Json.text(p, "projectPage")),
                new Paper.Community(Json.integer(p, "upvotes", 0), Json.integer(entry, "numComments", 0),
                        CleanText.oneLine(Json.text(p, "ai_summary")), Json.strings(p, "ai_keywords")),
                null, showcase(entry, p));
        return new PaperUpdate(paper, day, featuredAt);
    }

    /**
     * The entry's thumbnail (the old schema's {@code mediaUrl} was the same image), media (the
     * top-level or paper's {@code mediaUrls}), organisation and summary model. The entry's {@code submittedBy} and
     * the paper's {@code submittedOnDailyBy} name users and are not read.
     */
    private static Paper.Showcase showcase(JsonNode entry, JsonNode p) {
        List<String> media = Json.strings(entry, "mediaUrls");
        if (media.isEmpty()) {
            media = Json.strings(p, "mediaUrls");
        }
        JsonNode org = p.path("organization").isObject() ? p.get("organization") : entry.path("organization");
        Paper.Organization organization = Json.text(org, "name") == null ? null : new Paper.Organization(
                Json.text(org, "_id"), Json.text(org, "name"), Json.text(org, "fullname"), Json.text(org, "avatar"));
        String thumbnail = Json.text(entry, "thumbnail") != null ? Json.text(entry, "thumbnail") : Json.text(entry, "mediaUrl");
        return new Paper.Showcase(thumbnail, media, organization, Json.text(p, "ai_summary_model"));
    }

    private static List<String> authors(JsonNode paper) {
        List<String> names = new ArrayList<>();
        for (JsonNode author : paper.path("authors")) {
            String name = Json.text(author, "name");
            if (name != null && !author.path("hidden").asBoolean(false)) {
                names.add(CleanText.authorName(name));
            }
        }
        return names;
    }

    private static LocalDate dayOf(String name) {
        Matcher m = DAY_FILE.matcher(name);
        if (!m.find()) {
            return null;
        }
        try {
            return LocalDate.parse(m.group(1));
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }
}
