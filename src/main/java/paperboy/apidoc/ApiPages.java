package paperboy.apidoc;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads the OpenAPI document into the {@link ApiPage} the template shows. */
final class ApiPages {
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch");

    private final JsonNode document;
    private final String origin;
    private final List<ApiExample> examples;

    private ApiPages(JsonNode document, String origin) {
        this.document = document;
        this.origin = origin;
        this.examples = ApiExamples.of(document).all();
    }

    static ApiPage of(JsonNode document, String origin) {
        return new ApiPages(document, origin).page();
    }

    static String schemaAnchor(String name) {
        return "schema-" + name;
    }

    private ApiPage page() {
        JsonNode info = document.path("info");
        return new ApiPage(info.path("title").asText(), info.path("summary").asText(""),
                paragraphs(info.path("description").asText("")), ApiDocument.PATH, groups(), schemas());
    }

    private List<ApiPage.Group> groups() {
        Map<String, List<ApiPage.Endpoint>> byTag = new LinkedHashMap<>();
        document.path("tags").forEach(tag -> byTag.put(tag.path("name").asText(), new ArrayList<>()));
        Located paths = Located.root(document).get(document, "paths");
        paths.node().fieldNames().forEachRemaining(path -> {
            Located item = paths.get(document, path);
            for (String method : METHODS) {
                if (item.node().has(method)) {
                    JsonNode operation = item.node().get(method);
                    String tag = operation.path("tags").path(0).asText("Other");
                    byTag.computeIfAbsent(tag, t -> new ArrayList<>()).add(endpoint(path, method, item));
                }
            }
        });
        List<ApiPage.Group> groups = new ArrayList<>();
        byTag.forEach((tag, endpoints) -> {
            if (!endpoints.isEmpty()) {
                groups.add(new ApiPage.Group(tag, tagDescription(tag), List.copyOf(endpoints)));
            }
        });
        return groups;
    }

    private String tagDescription(String name) {
        for (JsonNode tag : document.path("tags")) {
            if (tag.path("name").asText().equals(name)) {
                return tag.path("description").asText("");
            }
        }
        return "";
    }

    private ApiPage.Endpoint endpoint(String path, String method, Located item) {
        Located operation = item.get(document, method);
        String upper = method.toUpperCase(Locale.ROOT);
        List<ApiPage.Example> shown = examples.stream()
                .filter(e -> e.method().equals(upper) && e.path().equals(path))
                .map(e -> new ApiPage.Example(e.summary().isEmpty() ? e.name() : e.summary(), e.curl(origin), e.status(),
                        e.value().isMissingNode() ? "" : e.value().toPrettyString()))
                .toList();
        return new ApiPage.Endpoint(upper, path, operation.node().path("operationId").asText(upper + path),
                operation.node().path("summary").asText(""), paragraphs(operation.node().path("description").asText("")),
                parameters(item, operation), answers(operation), shown);
    }

    private List<ApiPage.Parameter> parameters(Located item, Located operation) {
        List<ApiPage.Parameter> parameters = new ArrayList<>();
        for (Located owner : List.of(item, operation)) {
            Located list = owner.get(document, "parameters");
            for (int i = 0; i < list.node().size(); i++) {
                JsonNode p = list.get(document, i).node();
                parameters.add(new ApiPage.Parameter(p.path("name").asText(), p.path("in").asText(),
                        SchemaWords.type(p.path("schema")), p.path("required").asBoolean(false),
                        p.path("description").asText("")));
            }
        }
        return parameters;
    }

    private List<ApiPage.Answer> answers(Located operation) {
        List<ApiPage.Answer> answers = new ArrayList<>();
        Located responses = operation.get(document, "responses");
        responses.node().fieldNames().forEachRemaining(status -> {
            JsonNode response = responses.get(document, status).node();
            String mediaType = response.path("content").fieldNames().hasNext() ? response.path("content").fieldNames().next() : "";
            JsonNode schema = response.path("content").path(mediaType).path("schema");
            List<ApiPage.Header> headers = new ArrayList<>();
            response.path("headers").properties().forEach(h -> headers.add(new ApiPage.Header(h.getKey(),
                    SchemaWords.type(h.getValue().path("schema")), h.getValue().path("required").asBoolean(false),
                    h.getValue().path("description").asText(""))));
            answers.add(new ApiPage.Answer(status, response.path("description").asText(""), mediaType,
                    schema.isMissingNode() ? null : SchemaWords.type(schema), headers));
        });
        return answers;
    }

    private List<ApiPage.Schema> schemas() {
        List<ApiPage.Schema> schemas = new ArrayList<>();
        document.path("components").path("schemas").properties().forEach(entry -> {
            JsonNode schema = entry.getValue();
            String base = schema.path("allOf").path(0).has("$ref") ? SchemaWords.type(schema.path("allOf").path(0)).schema() : null;
            schemas.add(new ApiPage.Schema(entry.getKey(), schemaAnchor(entry.getKey()), schema.path("description").asText(""),
                    base, SchemaWords.fields(schema)));
        });
        return schemas;
    }

    private static List<String> paragraphs(String text) {
        return text.isBlank() ? List.of() : List.of(text.strip().split("\n\n"));
    }
}
