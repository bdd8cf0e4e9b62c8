package paperboy.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Locale;

/**
 * Tells what a file to import holds. The Kaggle arXiv snapshot is JSON Lines but is published as
 * {@code arxiv-metadata-oai-snapshot.json}, the same ending as a daily-papers day file, so the
 * name alone does not decide: a {@code .json} file whose first line is a whole JSON object with an
 * {@code id} and an {@code abstract} is a snapshot; anything else ending in {@code .json} is read
 * as a day file (an array, or an object wrapping one, which never fits on a first line that is a
 * paper).
 */
final class Formats {
    /** What a file is, as far as importing goes. */
    enum Kind { SNAPSHOT, DAY_FILE }

    /** How far into a file its first line is looked for; a snapshot line is a few kilobytes. */
    static final int PEEK_BYTES = 1 << 20;
    private static final String SNAPSHOT_NAME = "arxiv-metadata-oai-snapshot";

    private final ObjectMapper json;

    Formats(ObjectMapper json) {
        this.json = json;
    }

    /**
     * The kind of {@code name}, looking at the start of its (decompressed) text when the name does not
     * say; {@code text} must support mark/reset and is left where it was.
     */
    Kind detect(String name, InputStream text) throws IOException {
        String n = name.toLowerCase(Locale.ROOT);
        String base = n.endsWith(".gz") ? n.substring(0, n.length() - 3) : n;
        if (base.endsWith(".jsonl") || base.contains(SNAPSHOT_NAME)) {
            return Kind.SNAPSHOT;
        }
        if (!base.endsWith(".json")) {
            throw new IllegalArgumentException("cannot tell the format of " + name.substring(name.lastIndexOf('/') + 1)
                    + ": expected .json (daily papers or the arXiv snapshot) or .jsonl (arXiv snapshot), optionally .gz");
        }
        return firstLineIsAPaper(text) ? Kind.SNAPSHOT : Kind.DAY_FILE;
    }

    private boolean firstLineIsAPaper(InputStream text) throws IOException {
        text.mark(PEEK_BYTES);
        byte[] head;
        try {
            head = text.readNBytes(PEEK_BYTES);
        } finally {
            text.reset();
        }
        int from = 0;
        while (from < head.length && isBlank(head[from])) {
            from++;
        }
        int to = from;
        while (to < head.length && head[to] != '\n') {
            to++;
        }
        if (from == to || head[from] != '{') {
            return false;
        }
        try {
            JsonNode first = json.readTree(Arrays.copyOfRange(head, from, to));
            return first != null && first.isObject() && first.hasNonNull("id") && first.hasNonNull("abstract");
        } catch (JsonProcessingException e) {
            return false; // not a whole object on one line: a pretty-printed day file
        }
    }

    /** White space, or a byte of the UTF-8 byte order mark some tools write first. */
    private static boolean isBlank(byte b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\n' || b == (byte) 0xEF || b == (byte) 0xBB || b == (byte) 0xBF;
    }
}
