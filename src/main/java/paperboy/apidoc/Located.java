package paperboy.apidoc;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A node of the document and its JSON pointer, with Reference Objects ({@code {"$ref": "#/..."}})
 * followed: the pointer is where the node really is, so a schema can be validated in place, with
 * the references inside it resolving against the whole document.
 */
record Located(String pointer, JsonNode node) {
    private static final int MAX_HOPS = 8;

    static Located root(JsonNode document) {
        return new Located("", document);
    }

    /** The child {@code name}, its reference followed when it is one. */
    Located get(JsonNode document, String name) {
        return new Located(pointer + "/" + escape(name), node.path(name)).resolved(document);
    }

    /** The element {@code index} of an array, its reference followed when it is one. */
    Located get(JsonNode document, int index) {
        return new Located(pointer + "/" + index, node.path(index)).resolved(document);
    }

    /** This node, or what its {@code $ref} points to (a reference to a reference too). */
    Located resolved(JsonNode document) {
        Located at = this;
        for (int hop = 0; at.node.has("$ref") && hop < MAX_HOPS; hop++) {
            String ref = at.node.get("$ref").asText();
            if (!ref.startsWith("#")) {
                throw new IllegalArgumentException("only references into the document are followed, not " + ref);
            }
            String target = ref.substring(1);
            at = new Located(target, document.at(target));
        }
        return at;
    }

    /** The {@code summary} a Reference Object gives beside its {@code $ref}, else the target's. */
    static String summary(JsonNode reference, JsonNode target) {
        return reference.path("summary").asText(target.path("summary").asText(""));
    }

    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }
}
