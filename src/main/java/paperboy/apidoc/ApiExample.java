package paperboy.apidoc;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One example of the document: a request (its method and its path with the query, encoded) and the
 * answer documented for it: status, media type, the example body ({@code value}, or the address of
 * one in {@code externalValue}) and the JSON pointer of the schema the body follows.
 *
 * @param value the example body, or a missing node when the example has an {@code externalValue}
 * @param schemaPointer where the response's schema is in the document, or null when it has none
 * @param requestBody the JSON the request sends (the request body's example of the same name), or a
 *                    missing node when it sends none
 * @param secured whether the operation needs a member's token ({@code security} names one)
 */
public record ApiExample(String method, String path, String name, String summary, String target, int status,
        String mediaType, JsonNode value, String externalValue, String schemaPointer, JsonNode requestBody,
        boolean secured) {

    /** The request as a shell line, against a server at {@code origin}. */
    public String curl(String origin) {
        StringBuilder line = new StringBuilder("curl -i");
        if (!method.equals("GET")) {
            line.append(" -X ").append(method);
        }
        if (secured) {
            line.append(" -H 'Authorization: Bearer $PAPERBOY_TOKEN'");
        }
        if (!requestBody.isMissingNode()) {
            line.append(" -H 'Content-Type: application/json' -d '").append(requestBody.toString().replace("'", "'\\''")).append("'");
        }
        return line.append(" '").append(origin).append(target).append("'").toString();
    }
}
