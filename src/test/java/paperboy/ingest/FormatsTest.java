package paperboy.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paperboy.Fixtures;

/** Telling the arXiv snapshot (JSON Lines, often named .json) from daily-papers day files (.json). */
class FormatsTest {
    private final Formats formats = new Formats(new ObjectMapper());

    @TempDir
    Path dir;

    @Test
    void aJsonFileWhoseFirstLineIsAPaperIsTheSnapshotWhateverItsName() throws IOException {
        byte[] snapshot = Files.readAllBytes(Fixtures.copy("kaggle/arxiv-metadata-oai-snapshot.head200.jsonl", dir));

        assertThat(kindOf("papers.json", snapshot)).isEqualTo(Formats.Kind.SNAPSHOT);
        assertThat(kindOf("papers.json", ("\n  \n" + new String(snapshot, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(Formats.Kind.SNAPSHOT);
    }

    @Test
    void theSnapshotsPublishedNameAndJsonlAreTheSnapshotWithoutLooking() throws IOException {
        byte[] nothing = new byte[0];

        assertThat(kindOf("arxiv-metadata-oai-snapshot.json", nothing)).isEqualTo(Formats.Kind.SNAPSHOT);
        assertThat(kindOf("arxiv-metadata-oai-snapshot.json.gz", nothing)).isEqualTo(Formats.Kind.SNAPSHOT);
        assertThat(kindOf("part-1.jsonl", nothing)).isEqualTo(Formats.Kind.SNAPSHOT);
        assertThat(kindOf("PART-1.JSONL.GZ", nothing)).isEqualTo(Formats.Kind.SNAPSHOT);
    }

    @Test
    void dayFilesStayDayFiles() throws IOException {
        byte[] day = Files.readAllBytes(Fixtures.copy("hf-days/2026-08-21.json", dir));
        byte[] wrapped = Files.readAllBytes(Fixtures.copy("hf-malformed/2025-01-10.json", dir));
        byte[] wrappedOnOneLine = "{\"status\":\"ok\",\"data\":[{\"paper\":{\"id\":\"2608.19880\"}}]}\n"
                .getBytes(StandardCharsets.UTF_8);

        assertThat(kindOf("2026-08-21.json", day)).isEqualTo(Formats.Kind.DAY_FILE);
        assertThat(kindOf("2025-01-10.json", wrapped)).isEqualTo(Formats.Kind.DAY_FILE);
        assertThat(kindOf("2025-01-10.json", wrappedOnOneLine)).isEqualTo(Formats.Kind.DAY_FILE);
        assertThat(kindOf("empty.json", new byte[0])).isEqualTo(Formats.Kind.DAY_FILE);
    }

    @Test
    void aFirstLineThatIsNotAWholePaperIsNotTheSnapshot() throws IOException {
        assertThat(kindOf("a.json", "{\"id\": \"0704.0001\", \"title\": \"no abstract\"}\n".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(Formats.Kind.DAY_FILE);
        assertThat(kindOf("a.json", "{\"id\": \"0704.0001\", \"abstract\": \"cut in the mid\n".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(Formats.Kind.DAY_FILE);
    }

    @Test
    void lookingLeavesTheStreamWhereItWas() throws IOException {
        byte[] snapshot = Files.readAllBytes(Fixtures.copy("kaggle/arxiv-metadata-oai-snapshot.head200.jsonl", dir));
        InputStream in = new BufferedInputStream(new ByteArrayInputStream(snapshot));

        formats.detect("papers.json", in);

        assertThat(in.readAllBytes()).isEqualTo(snapshot);
    }

    @Test
    void otherEndingsAreRefusedWithTheEndingsThatWork() {
        assertThatThrownBy(() -> kindOf("notes.txt", new byte[0]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("cannot tell the format of notes.txt: expected .json");
    }

    private Formats.Kind kindOf(String name, byte[] content) throws IOException {
        return formats.detect(name, new BufferedInputStream(new ByteArrayInputStream(content)));
    }
}
