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

    private String title(StoredTexts texts, DirectoryReader reader, int doc) throws IOException {
        return texts.of(reader, doc, FIELDS, d -> {
            loaded.add(d);
            return new CharSequence[] {reader.storedFields().document(d).get("title")};
        })[0].toString();
    }

    private static Document doc(String id, String title) {
        Document doc = new Document();
        doc.add(new StringField("id", id, Field.Store.NO));
        doc.add(new StoredField("title", title));
        return doc;
    }
}
