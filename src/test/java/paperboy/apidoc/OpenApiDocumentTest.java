package paperboy.apidoc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import paperboy.FixtureServer;

/**
 * The OpenAPI document against the real server on the fixture days: it is OpenAPI 3.1 JSON whose
 * schemas are JSON Schema 2020-12, it describes every route under {@code /api} and {@code /healthz}
 * (read from Javalin's router, so a new route without a description fails here) and nothing else,
 * and every example request is answered with the documented status, headers and a body its
 * schema accepts.
 */
class OpenApiDocumentTest {
    private static final List<String> HTTP_METHODS = List.of("get", "put", "post", "delete", "patch", "options", "head");

    @TempDir
    static Path data;
    static FixtureServer server;
    static ApiDocument document;
    static DocumentSchemas schemas;
    static String token;

    @BeforeAll
    static void start() throws IOException {
        server = FixtureServer.start(data);
        // The write calls' examples are sent with a member's token.
        var member = paperboy.account.TestMembers.add(server.app(), "Api Example", paperboy.account.Role.MEMBER);
        token = server.app().accounts().tokens().make(member.id(), "examples").token();
        document = ApiDocument.load(new ObjectMapper());
        schemas = new DocumentSchemas(document.tree());
    }

    @AfterAll
    static void stop() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void isOpenApi31InTheJsonSchema202012Dialect() {
        JsonNode tree = document.tree();
        assertThat(tree.path("openapi").asText()).matches("3\\.1\\.\\d+");
        assertThat(tree.path("jsonSchemaDialect").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(tree.path("info").path("title").asText()).isNotBlank();
        assertThat(tree.path("info").path("version").asText()).isNotBlank();
    }

    @Test
    void everySchemaIsAJsonSchema() {
        List<JsonNode> found = new ArrayList<>();
        collectSchemas(document.tree(), found);
        assertThat(found).hasSizeGreaterThan(20);
        for (JsonNode schema : found) {
            assertThat(schemas.checkIsSchema(schema)).as("%s", schema).isEmpty();
        }
    }

    @Test
    void describesEveryRouteOfTheApiAndNoOther() {
        List<String> routes = server.routes().stream()
                .filter(r -> r.endsWith(" /api") || r.contains(" /api/") || r.endsWith(" /healthz"))
                .map(r -> r.replaceAll("<([^>]+)>", "{$1}"))
                .sorted().toList();
        List<String> documented = new ArrayList<>();
        document.tree().path("paths").properties().forEach(path -> HTTP_METHODS.stream()
                .filter(path.getValue()::has)
                .forEach(method -> documented.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey())));
        assertThat(routes).contains("GET /api/papers/{id}", "GET /healthz");
        assertThat(documented).containsExactlyInAnyOrderElementsOf(routes);
    }

    @Test
    void examplesOfOneNameMakeARequestAndItsAnswer() {
        assertThat(document.examples().problems()).isEmpty();
    }

    @Test
    void everyOperationHasAnExampleThatSucceeds() {
        List<String> withExample = document.examples().all().stream().filter(e -> e.status() == 200)
                .map(e -> e.method() + " " + e.path()).distinct().toList();
        List<String> operations = new ArrayList<>();
        document.tree().path("paths").properties().forEach(path -> HTTP_METHODS.stream()
                .filter(path.getValue()::has).forEach(method -> operations.add(method + " " + path.getKey())));
        assertThat(withExample).hasSize(operations.size());
    }

    @TestFactory
    Stream<DynamicTest> everyExampleIsAnsweredAsDocumented() {
        return document.examples().all().stream().map(example -> dynamicTest(
                example.method() + " " + example.target() + " (" + example.name() + ")", () -> answersAsDocumented(example)));
    }

    private static void answersAsDocumented(ApiExample example) {
        HttpResponse<String> response = example.method().equals("GET") ? server.get(example.target()) : send(example);
        assertThat(response.statusCode()).as("status: %s", shorten(response.body())).isEqualTo(example.status());
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith(example.mediaType()));
        headersAsDocumented(example, response);
        if (!example.mediaType().equals("application/json")) {
            return;
        }
        JsonNode body = FixtureServer.json(response);
        assertThat(schemas.check(example.schemaPointer(), body)).as("the answer, against %s", example.schemaPointer()).isEmpty();
        if (!example.value().isMissingNode()) {
            assertThat(schemas.check(example.schemaPointer(), example.value())).as("the documented example").isEmpty();
        }
    }

    /** A write call's example: its method, its JSON body, and the member's token when it is secured. */
    private static HttpResponse<String> send(ApiExample example) {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + server.port() + example.target()))
                .method(example.method(), example.requestBody().isMissingNode()
                        ? java.net.http.HttpRequest.BodyPublishers.noBody()
                        : java.net.http.HttpRequest.BodyPublishers.ofString(example.requestBody().toString()))
                .header("Content-Type", "application/json");
        if (example.secured()) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return java.net.http.HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Headers the document says always come, come; each documented header that came has a value its schema accepts. */
    private static void headersAsDocumented(ApiExample example, HttpResponse<String> response) {
        String responsePointer = example.schemaPointer().replaceFirst("/content/[^/]+/schema$", "");
        document.tree().at(responsePointer).path("headers").properties().forEach(header -> {
            String name = header.getKey();
            var value = response.headers().firstValue(name);
            if (header.getValue().path("required").asBoolean(false)) {
                assertThat(value).as("header %s", name).isPresent();
            }
            value.ifPresent(v -> assertThat(schemas.check(responsePointer + "/headers/" + name + "/schema", headerValue(header.getValue(), v)))
                    .as("header %s: %s", name, v).isEmpty());
        });
    }

    private static JsonNode headerValue(JsonNode header, String value) {
        boolean integer = header.path("schema").path("type").asText().equals("integer");
        return integer && value.matches("-?\\d+") ? FixtureServer.json(value) : new ObjectMapper().getNodeFactory().textNode(value);
    }

    private static String shorten(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "..." : body;
    }

    /** Every schema of the document: components, parameters, headers and media types. */
    private static void collectSchemas(JsonNode node, List<JsonNode> found) {
        if (node.isObject()) {
            node.properties().forEach(field -> {
                if (field.getKey().equals("schema")) {
                    found.add(field.getValue());
                } else if (field.getKey().equals("schemas")) {
                    field.getValue().forEach(found::add);
                } else if (!field.getKey().equals("examples")) {
                    collectSchemas(field.getValue(), found);
                }
            });
        } else if (node.isArray()) {
            node.forEach(child -> collectSchemas(child, found));
        }
    }
}
