package paperboy.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

class IdLookupTest {
    @Test
    void idsAreRightInAnyOrderAcrossSegments() throws IOException {
        try (var dir = new ByteBuffersDirectory();
                var writer = new IndexWriter(dir, new IndexWriterConfig(new StandardAnalyzer()).setMergePolicy(NoMergePolicy.INSTANCE))) {
            for (int segment = 0; segment < 3; segment++) {
                for (int i = 0; i < 4; i++) {
                    Document doc = new Document();
                    doc.add(new SortedDocValuesField(PaperDocuments.ID_ORDER, new BytesRef("2401." + segment + i)));
                    writer.addDocument(doc);
                }
                writer.commit();
            }
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                assertThat(reader.leaves()).hasSize(3);
                IdLookup ids = new IdLookup(new IndexSearcher(reader));
                List<String> asked = new ArrayList<>();
                for (int doc : new int[] {0, 2, 3, 5, 1, 1, 11, 4, 6, 6, 0, 9}) {
                    asked.add(ids.id(doc));
                }
                assertThat(asked).containsExactly("2401.00", "2401.02", "2401.03", "2401.11", "2401.01", "2401.01",
                        "2401.23", "2401.10", "2401.12", "2401.12", "2401.00", "2401.21");
            }
        }
    }
}
