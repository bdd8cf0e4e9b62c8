package paperboy.apidoc;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The document's examples as requests with their documented answers. Examples of one name belong
 * together (the document's introduction says so): the parameters' examples of a name make the
 * request, and the response holding the example of that name is its answer. A parameter example
 * with no answer, an answer in two responses, or a request without its path parameters is a
 * mistake in the document, listed in {@link #problems()}.
 */
public record ApiExamples(List<ApiExample> all, List<String> problems) {
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    static ApiExamples of(JsonNode document) {
        List<ApiExample> all = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Located paths = Located.root(document).get(document, "paths");
        paths.node().fieldNames().forEachRemaining(path -> {
            Located item = paths.get(document, path);
            for (String method : METHODS) {
                if (item.node().has(method)) {
                    new Operation(document, path, method, item).collect(all, problems);
                }
            }
        });
        return new ApiExamples(List.copyOf(all), List.copyOf(problems));
    }

    /** The examples of one operation. */
    private record Operation(JsonNode document, String path, String method, Located item) {
        void collect(List<ApiExample> all, List<String> problems) {
            String where = method.toUpperCase() + " " + path;
            List<JsonNode> parameters = parameters();
            Map<String, ApiExample> answers = new LinkedHashMap<>();
            Located operation = item.get(document, method);
            Located responses = operation.get(document, "responses");
            JsonNode requestExamples = operation.node().path("requestBody").path("content").path("application/json").path("examples");
            boolean secured = operation.node().has("security");
            responses.node().fieldNames().forEachRemaining(status -> {
                Located response = responses.get(document, status);
                Located content = response.get(document, "content");
                content.node().fieldNames().forEachRemaining(mediaType -> {
                    Located media = content.get(document, mediaType);
                    JsonNode examples = media.node().path("examples");
                    examples.fieldNames().forEachRemaining(name -> {
                        JsonNode reference = examples.get(name);
                        JsonNode example = new Located("", reference).resolved(document).node();
                        String schema = media.node().has("schema") ? media.get(document, "schema").pointer() : null;
                        ApiExample answer = new ApiExample(method.toUpperCase(), path, name, Located.summary(reference, example),
                                target(parameters, name, where, problems), Integer.parseInt(status), mediaType,
                                example.path("value"), example.path("externalValue").asText(null), schema,
                                requestExamples.path(name).path("value"), secured);
                        if (answers.putIfAbsent(name, answer) != null) {
                            problems.add(where + ": example " + name + " is the answer of two responses");
                        }
                    });
                });
            });
            for (JsonNode parameter : parameters) {
                parameter.path("examples").fieldNames().forEachRemaining(name -> {
                    if (!answers.containsKey(name)) {
                        problems.add(where + ": parameter " + parameter.path("name").asText() + " has example " + name
                                + ", which no response answers");
                    }
                });
            }
            all.addAll(answers.values());
        }

        /** The path's parameters and the operation's, references followed. */
        private List<JsonNode> parameters() {
            List<JsonNode> parameters = new ArrayList<>();
            for (Located owner : List.of(item, item.get(document, method))) {
                Located list = owner.get(document, "parameters");
                for (int i = 0; i < list.node().size(); i++) {
                    parameters.add(list.get(document, i).node());
                }
            }
            return parameters;
        }

        /** The path with the path parameters' examples of {@code name} put in, and the query parameters' after it. */
        private static String target(List<JsonNode> parameters, String name, String where, List<String> problems) {
            String target = where.substring(where.indexOf(' ') + 1);
            StringBuilder query = new StringBuilder();
            for (JsonNode parameter : parameters) {
                String key = parameter.path("name").asText();
                JsonNode value = parameter.path("examples").path(name).path("value");
                boolean inPath = parameter.path("in").asText().equals("path");
                if (value.isMissingNode()) {
                    if (inPath) {
                        problems.add(where + ": example " + name + " has no value for the path parameter " + key);
                    }
                } else if (inPath) {
                    target = target.replace("{" + key + "}", encode(value.asText()).replace("+", "%20"));
                } else if (parameter.path("in").asText().equals("query")) {
                    query.append(query.isEmpty() ? '?' : '&').append(encode(key)).append('=').append(encode(value.asText()));
                }
            }
            return target + query;
        }

        private static String encode(String text) {
            return URLEncoder.encode(text, StandardCharsets.UTF_8);
        }
    }
}
