package paperboy.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** Lines as bytes with their numbers and end offsets: what an import checkpoint is made of. */
class SnapshotLinesTest {

    @Test
    void eachLineKnowsItsNumberAndWhereTheNextStarts() throws IOException {
        List<SnapshotLines.Line> lines = all("{\"a\":1}\n\r\n{\"é\":2}\r\n{\"c\":3}", 0, 0);

        assertThat(lines).extracting(l -> new String(l.text(), StandardCharsets.UTF_8))
                .containsExactly("{\"a\":1}", "", "{\"é\":2}", "{\"c\":3}");
        assertThat(lines).extracting(SnapshotLines.Line::number).containsExactly(1L, 2L, 3L, 4L);
        // "é" is two bytes; "\r\n" ends lines 2 and 3.
        assertThat(lines).extracting(SnapshotLines.Line::endOffset).containsExactly(8L, 10L, 20L, 27L);
        assertThat(lines.get(1).isBlank()).isTrue();
    }

    @Test
    void readingOnFromACheckpointContinuesTheNumbersAndOffsets() throws IOException {
        List<SnapshotLines.Line> lines = all("third\nfourth\n", 100, 2);

        assertThat(lines).extracting(SnapshotLines.Line::number).containsExactly(3L, 4L);
        assertThat(lines).extracting(SnapshotLines.Line::endOffset).containsExactly(106L, 113L);
    }

    @Property(tries = 50)
    void linesLongerOrShorterThanTheBufferComeBackWhole(
            @ForAll @Size(max = 5) List<@StringLength(max = 150_000) @CharRange(from = 'a', to = 'z') @Chars({'é', '{', ' '}) String> texts,
            @ForAll boolean lastLineBreak) throws IOException {
        StringBuilder joined = new StringBuilder();
        texts.forEach(t -> joined.append(t).append('\n'));
        if (!lastLineBreak && !texts.isEmpty() && !texts.getLast().isEmpty()) {
            joined.setLength(joined.length() - 1); // the last line may end without a line break
        }

        List<SnapshotLines.Line> lines = all(joined.toString(), 0, 0);

        assertThat(lines).extracting(l -> new String(l.text(), StandardCharsets.UTF_8)).containsExactlyElementsOf(texts);
        assertThat(lines.isEmpty() ? 0 : lines.getLast().endOffset())
                .isEqualTo(joined.toString().getBytes(StandardCharsets.UTF_8).length);
    }

    private static List<SnapshotLines.Line> all(String text, long offset, long lineNo) throws IOException {
        var reader = new SnapshotLines(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), offset, lineNo);
        List<SnapshotLines.Line> lines = new ArrayList<>();
        for (SnapshotLines.Line l = reader.next(); l != null; l = reader.next()) {
            lines.add(l);
        }
        return lines;
    }
}
