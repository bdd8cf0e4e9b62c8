package paperboy.search;

import static org.assertj.core.api.Assertions.assertThat;
import static paperboy.paper.PaperBuilder.paper;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentCommitInfo;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paperboy.db.Database;
import paperboy.paper.PaperStore;
import paperboy.paper.PaperUpdate;

/**
 * Merging the index into one segment after a bulk write ({@link PaperIndex#mergeSegments}), when
 * writing has gone quiet ({@link QuietMerges}), and the codec the merged segment is written with
 * ({@link IndexCodec}). Real SQLite store and Lucene folder; each catch-up commits a segment.
 */
class SegmentMergeTest {
    @TempDir
    Path dir;
    private Database db;
    private PaperStore store;
    private PaperIndex index;
    private int papers;

    @BeforeEach
    void open() {
        db = Database.open("jdbc:sqlite:" + dir.resolve("p.db"));
        store = new PaperStore(db.jdbi());
        index = new PaperIndex(dir.resolve("index"));
    }

    @AfterEach
    void close() throws IOException {
        index.close();
        db.close();
    }

    @Test
    void aMergeIsDueOnceTheSegmentsBesidesTheLargestHoldMoreThanATenthOfTheDocuments() {
        assertThat(SegmentMerge.due(List.of())).isFalse();
        assertThat(SegmentMerge.due(List.of(1_000))).isFalse();
        assertThat(SegmentMerge.due(List.of(900, 60, 40))).as("exactly a tenth").isFalse();
        assertThat(SegmentMerge.due(List.of(900, 60, 41))).isTrue();
        assertThat(SegmentMerge.due(List.of(10, 10, 10, 10))).isTrue();
    }

    @Test
    void anIndexInSeveralSegmentsIsMergedIntoOneThatAnswersAlikeAndStaysMergedAfterARestart() throws IOException {
        for (int batch = 0; batch < 4; batch++) {
            write(50);
        }
        List<Integer> sizes = index.segmentSizes();
        assertThat(sizes).hasSizeGreaterThanOrEqualTo(4);
        assertThat(sizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(200);
        // Papers that tie are taken in index order, which a merge changes: compare rankings without ties.
        List<String> before = ids(index.search(new SearchRequest("routing 137 quokka 42", 0, 10)));
        assertThat(before).hasSize(10).startsWith("2609.00042", "2609.00137").doesNotHaveDuplicates();

        Optional<SegmentMerge> merge = index.mergeSegments();

        assertThat(merge).get().extracting(SegmentMerge::segments, SegmentMerge::documents).containsExactly(sizes.size(), 200L);
        assertThat(index.segmentSizes()).containsExactly(200);
        assertThat(ids(index.search(new SearchRequest("routing 137 quokka 42", 0, 10))).subList(0, 2)).isEqualTo(before.subList(0, 2));
        assertThat(index.search(new SearchRequest("quokka", 0, 10)).total()).isEqualTo(200);
        var position = index.committedPosition();
        index.close();

        index = new PaperIndex(dir.resolve("index"));
        assertThat(index.segmentSizes()).containsExactly(200);
        assertThat(index.committedPosition()).isEqualTo(position);
        assertThat(index.catchUp(store)).isZero();
        assertThat(index.mergeSegments()).as("one segment: nothing to merge").isEmpty();
    }

    @Test
    void aFewPapersBesideALargeSegmentAreLeftToLucenesMergePolicy() {
        write(100);
        write(100);
        assertThat(index.mergeSegments()).isPresent();
        write(20);
        int segments = index.segmentSizes().size();
        assertThat(segments).isGreaterThan(1);

        assertThat(index.mergeSegments()).as("20 of 220 documents outside the largest").isEmpty();
        assertThat(index.segmentSizes()).hasSize(segments);

        write(3);
        assertThat(index.mergeSegments()).as("23 of 223 documents outside the largest").isPresent();
        assertThat(index.segmentSizes()).containsExactly(223);
    }

    @Test
    void segmentsWrittenWithLucenesOwnCodecAreReadAndTakePaperboysWhenMerged() throws IOException {
        write(50);
        write(50);
        index.close();
        try (var directory = FSDirectory.open(dir.resolve("index"));
                var writer = new IndexWriter(directory, new IndexWriterConfig())) { // Lucene's default codec, as before IndexCodec
            writer.forceMerge(1);
            writer.commit();
        }
        assertThat(codecs()).containsExactly("Lucene104");
        index = new PaperIndex(dir.resolve("index"));
        assertThat(index.search(new SearchRequest("quokka", 0, 10)).total()).isEqualTo(100);

        write(20);
        assertThat(codecs()).startsWith("Lucene104").containsOnly("Lucene104", IndexCodec.NAME).hasSizeGreaterThan(1);
        assertThat(index.mergeSegments()).isPresent();

        assertThat(codecs()).containsExactly(IndexCodec.NAME);
        SearchResults found = index.search(new SearchRequest("quokka", 0, 10));
        assertThat(found.total()).isEqualTo(120);
        assertThat(found.hits().getFirst().snippetHtml()).contains("<mark>quokka</mark>");
    }

    @Test
    void quietMergesWaitForALookWithFewWritesSinceThePreviousOne() {
        QuietMerges merges = new QuietMerges(index);
        write(50);
        write(50);
        int segments = index.segmentSizes().size();

        merges.run();
        assertThat(index.segmentSizes()).as("the first look only counts").hasSize(segments);

        write((int) QuietMerges.QUIET);
        segments = index.segmentSizes().size();
        merges.run();
        assertThat(index.segmentSizes()).as("a bulk write since the last look").hasSize(segments);

        // A few writes since then, enough that a merge is due however the bulk write was split
        // into segments (indexing threads each write their own): at least 400 of 1,400 outside the largest.
        write(300);
        assertThat(index.segmentSizes()).hasSizeGreaterThan(1);
        merges.run();
        assertThat(index.segmentSizes()).as("quiet since the last look").containsExactly(1_400);
    }

    @Test
    void closingTheIndexDuringAMergeLosesNoPaper() throws Exception {
        for (int batch = 0; batch < 6; batch++) {
            write(300);
        }
        CompletableFuture<Optional<SegmentMerge>> merge = CompletableFuture.supplyAsync(index::mergeSegments);
        index.close();

        merge.join(); // merged, or abandoned when the index closed: either way no failure
        assertThat(index.mergeSegments()).as("asked of a closed index").isEmpty();
        index = new PaperIndex(dir.resolve("index"));
        assertThat(index.size()).isEqualTo(1_800);
        assertThat(index.catchUp(store)).isZero();
    }

    /** Stores {@code n} new papers and indexes them, which commits them as a segment of their own. */
    private void write(int n) {
        List<PaperUpdate> batch = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int number = ++papers;
            batch.add(paper(String.format("2609.%05d", number)).title("Quokka routing " + number)
                    .summary("Sparse experts route tokens like a quokka hops. Paper " + number + ".").update());
        }
        store.upsert(batch, "test");
        index.catchUp(store);
    }

    private static List<String> ids(SearchResults results) {
        return results.hits().stream().map(h -> h.id().value()).toList();
    }

    /** The codec each committed segment was written with. */
    private List<String> codecs() throws IOException {
        try (var directory = FSDirectory.open(dir.resolve("index"))) {
            List<String> names = new ArrayList<>();
            for (SegmentCommitInfo segment : SegmentInfos.readLatestCommit(directory)) {
                names.add(segment.info.getCodec().getName());
            }
            return names;
        }
    }
}
