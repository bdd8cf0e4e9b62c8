package paperboy.apidoc;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One example of the document: a request (its method and its path with the query, encoded) and the
 * answer documented for it: status, media type, the example body ({@code value}, or the address of
 * one in {@code externalValue}) and the JSON pointer of the schema the body follows.
 *
 * @param value the example body, or a missing node when the example has an {@code externalValue}
 * @param schemaPointer where the response's schema is in the document, or null when it has none
 */
public record ApiExample(String method, String path, String name, String summary, String target, int status,
        String mediaType, JsonNode value, String externalValue, String schemaPointer) {

    /** The request as a shell line, against a server at {@code origin}. */
    public String curl(String origin) {
        return "curl -i '" + origin + target + "'";
    }
}
