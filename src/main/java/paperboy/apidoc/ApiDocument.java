package paperboy.apidoc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The OpenAPI 3.1 document of the JSON API, the resource {@code api/openapi.json} written by hand
 * beside the code: its bytes as served, an ETag for them, and its tree, from which the API page is
 * made. Read once; it changes only with a new build.
 */
public final class ApiDocument {
    /** Where the document is in the jar, and where the server serves it. */
    public static final String PATH = "/api/openapi.json";

    private final byte[] bytes;
    private final JsonNode tree;
    private final String etag;

    private ApiDocument(byte[] bytes, JsonNode tree) {
        this.bytes = bytes;
        this.tree = tree;
        this.etag = "\"" + sha256(bytes).substring(0, 16) + "\"";
    }

    /** The document in the jar; an unreadable or missing one is a broken build, so it fails here and not per request. */
    public static ApiDocument load(ObjectMapper json) {
        try (InputStream in = ApiDocument.class.getResourceAsStream(PATH)) {
            if (in == null) {
                throw new IllegalStateException(PATH + " is not in the jar");
            }
            byte[] bytes = in.readAllBytes();
            return new ApiDocument(bytes, json.readTree(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + PATH, e);
        }
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    public JsonNode tree() {
        return tree.deepCopy();
    }

    /** A strong validator of the bytes, quoted as the ETag header wants it. */
    public String etag() {
        return etag;
    }

    /** The document as a page, with curl lines that address {@code origin} (such as {@code http://localhost:7070}). */
    public ApiPage page(String origin) {
        return ApiPages.of(tree, origin);
    }

    /** Every example request of the document, with the answer it documents. */
    public ApiExamples examples() {
        return ApiExamples.of(tree);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
