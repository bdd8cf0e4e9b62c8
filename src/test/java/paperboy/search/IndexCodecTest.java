package paperboy.search;

import static org.assertj.core.api.Assertions.assertThat;
import static paperboy.paper.PaperBuilder.paper;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.index.SegmentCommitInfo;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paperboy.db.Database;
import paperboy.paper.PaperStore;

/** Paperboy's codec: what segments record, and that Lucene finds it by that name to read them again. */
class IndexCodecTest {
    @TempDir
    Path dir;

    @Test
    void segmentsRecordPaperboysCodecWhichLuceneFindsByNameToReadThemAgain() throws IOException {
        try (Database db = Database.open("jdbc:sqlite:" + dir.resolve("p.db"))) {
            PaperStore store = new PaperStore(db.jdbi());
            store.upsert(List.of(paper("2609.00001").title("Quokka routing").summary("Sparse experts hop like a quokka.").update()), "test");
            try (PaperIndex index = new PaperIndex(dir.resolve("index"))) {
                index.catchUp(store);
            }
            try (var directory = FSDirectory.open(dir.resolve("index"))) {
                for (SegmentCommitInfo segment : SegmentInfos.readLatestCommit(directory)) {
                    assertThat(segment.info.getCodec().getName()).isEqualTo(IndexCodec.NAME);
                }
            }
            assertThat(Codec.forName(IndexCodec.NAME)).isInstanceOf(IndexCodec.class);

            try (PaperIndex reopened = new PaperIndex(dir.resolve("index"))) {
                SearchResults found = reopened.search(new SearchRequest("quokka", 0, 10));
                assertThat(found.hits()).singleElement().satisfies(hit -> {
                    assertThat(hit.titleHtml()).isEqualTo("<mark>Quokka</mark> routing");
                    assertThat(hit.snippetHtml()).isEqualTo("Sparse experts hop like a <mark>quokka</mark>.");
                });
            }
        }
    }
}
