package paperboy.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * The lines of a JSON Lines text as bytes, each with its number and the byte offset where the next
 * line starts: what an import checkpoint records. Lines are split on {@code \n} (a {@code \r}
 * before it is dropped); the last line needs no line break. Reads through its own buffer, so the
 * offsets are exact whatever the stream underneath buffers.
 */
final class SnapshotLines {
    private static final int BUFFER = 1 << 16;

    /** One line: its bytes (without the line break), its number from 1, and the offset after it. */
    record Line(byte[] text, long number, long endOffset) {
        boolean isBlank() {
            for (byte b : text) {
                if (b != ' ' && b != '\t' && b != '\r') {
                    return false;
                }
            }
            return true;
        }
    }

    private final InputStream in;
    private final byte[] buffer = new byte[BUFFER];
    private int start;
    private int end;
    private long offset;
    private long number;

    /** Reads {@code in}, whose first byte is at {@code offset} of the text and begins line {@code lineNo + 1}. */
    SnapshotLines(InputStream in, long offset, long lineNo) {
        this.in = in;
        this.offset = offset;
        this.number = lineNo;
    }

    /** The next line, or null at the end of the text. */
    Line next() throws IOException {
        byte[] pending = null;
        while (true) {
            for (int i = start; i < end; i++) {
                if (buffer[i] == '\n') {
                    byte[] text = join(pending, i);
                    start = i + 1;
                    return line(text, 1);
                }
            }
            pending = join(pending, end);
            start = end;
            if (!fill()) {
                return pending.length == 0 ? null : line(pending, 0);
            }
        }
    }

    private Line line(byte[] text, int lineBreak) {
        offset += text.length + lineBreak;
        number++;
        int length = text.length > 0 && text[text.length - 1] == '\r' ? text.length - 1 : text.length;
        return new Line(length == text.length ? text : Arrays.copyOf(text, length), number, offset);
    }

    /** {@code pending} followed by the buffer from {@code start} to {@code upTo}. */
    private byte[] join(byte[] pending, int upTo) {
        int more = upTo - start;
        if (pending == null) {
            return Arrays.copyOfRange(buffer, start, upTo);
        }
        byte[] joined = Arrays.copyOf(pending, pending.length + more);
        System.arraycopy(buffer, start, joined, pending.length, more);
        return joined;
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer, 0, buffer.length);
        start = 0;
        end = Math.max(n, 0);
        return n > 0;
    }
}
