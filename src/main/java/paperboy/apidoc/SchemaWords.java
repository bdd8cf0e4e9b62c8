package paperboy.apidoc;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Says a JSON Schema in words for the API page: {@code integer, 1 to 100, default 50}, {@code array of Paper}. */
final class SchemaWords {
    private SchemaWords() {}

    static ApiPage.Type type(JsonNode schema) {
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asText().substring(schema.get("$ref").asText().lastIndexOf('/') + 1);
            return new ApiPage.Type(name, name);
        }
        if (schema.path("type").asText().equals("array")) {
            if (schema.has("items")) {
                ApiPage.Type items = type(schema.get("items"));
                return new ApiPage.Type(limits("array of " + items.text(), schema), items.schema());
            }
            return new ApiPage.Type(limits("array", schema), null);
        }
        return new ApiPage.Type(limits(schema.path("type").asText("any"), schema), null);
    }

    /** The fields of an object schema (the {@code properties} it names, and which are required). */
    static List<ApiPage.Field> fields(JsonNode schema) {
        Set<String> required = new HashSet<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        List<ApiPage.Field> fields = new ArrayList<>();
        schema.path("properties").properties().forEach(p -> fields.add(new ApiPage.Field(p.getKey(), type(p.getValue()),
                required.contains(p.getKey()), p.getValue().path("description").asText(""))));
        if (fields.isEmpty()) {
            required.forEach(r -> fields.add(new ApiPage.Field(r, new ApiPage.Type("required", null), true, "")));
        }
        return fields;
    }

    private static String limits(String base, JsonNode schema) {
        List<String> words = new ArrayList<>(List.of(base));
        if (schema.has("format")) {
            words.set(0, base + " (" + schema.get("format").asText() + ")");
        }
        if (schema.has("enum")) {
            List<String> values = new ArrayList<>();
            schema.get("enum").forEach(v -> values.add(v.asText()));
            words.add("one of " + String.join(", ", values));
        }
        if (schema.has("const")) {
            words.add("always " + schema.get("const").asText());
        }
        if (schema.has("minimum") && schema.has("maximum")) {
            words.add(schema.get("minimum").asText() + " to " + schema.get("maximum").asText());
        } else if (schema.has("minimum")) {
            words.add("at least " + schema.get("minimum").asText());
        }
        if (schema.has("maxLength")) {
            words.add("at most " + schema.get("maxLength").asText() + " characters");
        }
        if (schema.path("maxItems").asInt(-1) == 0) {
            words.add("empty");
        }
        if (schema.has("pattern")) {
            words.add("matching " + schema.get("pattern").asText());
        }
        if (schema.has("default")) {
            words.add("default " + schema.get("default").asText());
        }
        return String.join(", ", words);
    }
}
