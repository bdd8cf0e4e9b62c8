package paperboy.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

class StoredTextsTest {
    private static final List<String> FIELDS = List.of("title");

    private final List<Integer> loaded = new ArrayList<>();

    @Test
    void aDocumentIsReadOncePerSegmentAndAnUpdatedOneAfresh() throws IOException {
        StoredTexts texts = new StoredTexts(StoredTexts.CHARS);
        try (var dir = new ByteBuffersDirectory();
                var writer = new IndexWriter(dir, new IndexWriterConfig(new StandardAnalyzer())
                        .setMergePolicy(NoMergePolicy.INSTANCE))) {
            writer.addDocument(doc("a", "Quokka routing"));
            writer.addDocument(doc("b", "Wombat decoding"));
            writer.commit();
            try (DirectoryReader first = DirectoryReader.open(dir)) {
                assertThat(title(texts, first, 0)).isEqualTo("Quokka routing");
                assertThat(title(texts, first, 0)).isEqualTo("Quokka routing");
                assertThat(title(texts, first, 1)).isEqualTo("Wombat decoding");
                assertThat(loaded).containsExactly(0, 1);

                writer.updateDocument(new Term("id", "a"), doc("a", "Quokka routing, revised"));
                writer.commit();
                try (DirectoryReader second = DirectoryReader.openIfChanged(first)) {
                    // b is still document 1 of the first segment; a is now in a segment of its own
                    assertThat(title(texts, second, 1)).isEqualTo("Wombat decoding");
                    assertThat(title(texts, second, 2)).isEqualTo("Quokka routing, revised");
                    assertThat(loaded).containsExactly(0, 1, 2);
                }
            }
        }
    }

    @Test
    void whatIsKeptIsBoundedByItsCharacters() throws IOException {
        StoredTexts texts = new StoredTexts(1_000);
        try (var dir = new ByteBuffersDirectory();
                var writer = new IndexWriter(dir, new IndexWriterConfig(new StandardAnalyzer()))) {
            for (int i = 0; i < 200; i++) {
                writer.addDocument(doc("p" + i, "Paper number " + i + " ".repeat(100)));
            }
            writer.commit();
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                for (int round = 0; round < 2; round++) {
                    for (int doc = 0; doc < 200; doc++) {
                        title(texts, reader, doc);
                    }
                }
                // at most a handful of the 200 fit in 1,000 characters, so the second round reads again
                assertThat(loaded.size()).isGreaterThan(390);
            }
        }
    }

    @Test
    void theDocumentsNotKeptAreReadInOneCallAndAnsweredInTheAskedOrder() throws IOException {
        StoredTexts texts = new StoredTexts(StoredTexts.CHARS);
        List<int[]> calls = new ArrayList<>();
        try (var dir = new ByteBuffersDirectory();
                var writer = new IndexWriter(dir, new IndexWriterConfig(new StandardAnalyzer()))) {
            for (int i = 0; i < 6; i++) {
                writer.addDocument(doc("p" + i, "Paper " + i));
            }
            writer.commit();
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                StoredTexts.Loader loader = docs -> {
                    calls.add(docs.clone());
                    List<CharSequence[]> values = new ArrayList<>();
                    for (int d : docs) {
                        values.add(new CharSequence[] {reader.storedFields().document(d).get("title")});
                    }
                    return values;
                };
                texts.of(reader, new int[] {1, 4}, FIELDS, loader);
                List<CharSequence[]> page = texts.of(reader, new int[] {0, 1, 3, 4, 5}, FIELDS, loader);

                assertThat(page).extracting(values -> values[0].toString())
                        .containsExactly("Paper 0", "Paper 1", "Paper 3", "Paper 4", "Paper 5");
                assertThat(calls).containsExactly(new int[] {1, 4}, new int[] {0, 3, 5});
                assertThat(texts.of(reader, new int[] {0, 5}, FIELDS, loader)).hasSize(2);
                assertThat(calls).hasSize(2);
            }
        }
    }

    private String title(StoredTexts texts, DirectoryReader reader, int doc) throws IOException {
        return texts.of(reader, new int[] {doc}, FIELDS, docs -> {
            List<CharSequence[]> values = new ArrayList<>();
            for (int d : docs) {
                loaded.add(d);
                values.add(new CharSequence[] {reader.storedFields().document(d).get("title")});
            }
            return values;
        }).get(0)[0].toString();
    }

    private static Document doc(String id, String title) {
        Document doc = new Document();
        doc.add(new StringField("id", id, Field.Store.NO));
        doc.add(new StoredField("title", title));
        return doc;
    }
}
