package paperboy.apidoc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.List;
import java.util.Map;

/**
 * JSON Schema 2020-12 validation (networknt's validator) against the schemas of the OpenAPI
 * document, made strict for the test: every object schema that lists its {@code properties} and
 * says nothing of others gets {@code unevaluatedProperties: false}, so a field the server sends
 * and the document does not describe fails, while clients still read the document as open.
 */
final class DocumentSchemas {
    private static final String BASE = "https://paperboy.invalid/api/openapi.json";
    private static final String META = "https://json-schema.org/draft/2020-12/schema";

    private final JsonNode strict;
    private final SchemaRegistry registry;

    DocumentSchemas(JsonNode document) {
        this.strict = closeObjects(document.deepCopy());
        this.registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemas(Map.of(BASE, strict.toString())));
    }

    /** What is wrong with {@code instance} as the schema at {@code pointer} in the document sees it; empty when nothing. */
    List<Error> check(String pointer, JsonNode instance) {
        return schemaAt(pointer).validate(instance);
    }

    /** What is wrong with {@code schema} as a JSON Schema 2020-12; empty when nothing. */
    List<Error> checkIsSchema(JsonNode schema) {
        return registry.getSchema(SchemaLocation.of(META)).validate(schema);
    }

    /** The schema at the pointer, its document-local references made absolute so that they resolve from anywhere. */
    private Schema schemaAt(String pointer) {
        JsonNode schema = strict.at(pointer).deepCopy();
        if (schema.isMissingNode()) {
            throw new IllegalArgumentException("no schema at " + pointer);
        }
        return registry.getSchema(absoluteRefs(schema));
    }

    private static JsonNode absoluteRefs(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.path("$ref").asText("").startsWith("#")) {
                object.put("$ref", BASE + object.get("$ref").asText());
            }
            object.properties().forEach(field -> absoluteRefs(field.getValue()));
        } else if (node.isArray()) {
            node.forEach(DocumentSchemas::absoluteRefs);
        }
        return node;
    }

    private static JsonNode closeObjects(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.path("properties").isObject() && object.path("type").asText().equals("object")
                    && !object.has("additionalProperties") && !object.has("unevaluatedProperties")) {
                object.put("unevaluatedProperties", false);
            }
            object.properties().forEach(field -> closeObjects(field.getValue()));
        } else if (node.isArray()) {
            node.forEach(DocumentSchemas::closeObjects);
        }
        return node;
    }
}
