package paperboy.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;

/** What wildcards, prefixes and ranges become: a bounded number of words, whatever the index holds. */
class QueryReaderTest {
    @Test
    void aWildcardPrefixOrRangeExpandsToAtMostTheMaximumOfWordsPerField() throws IOException {
        try (Directory dir = new ByteBuffersDirectory()) {
            try (IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(PaperDocuments.analyzer()))) {
                for (int i = 0; i < 1000; i++) { // a thousand words starting with "a"
                    Document doc = new Document();
                    doc.add(new TextField(PaperDocuments.TEXT, "alpha" + i + " beta", Field.Store.NO));
                    writer.addDocument(doc);
                }
            }
            try (DirectoryReader index = DirectoryReader.open(dir)) {
                IndexSearcher searcher = new IndexSearcher(index);
                QueryReader reader = new QueryReader(PaperDocuments.analyzer());
                for (String query : new String[] {"a*", "alpha*", "al?ha*", "[a TO b]", "{* TO *}"}) {
                    Query rewritten = searcher.rewrite(reader.read(query).query());

                    assertThat(words(rewritten)).as(query).hasSize(QueryReader.MAX_EXPANSIONS);
                }
                assertThat(words(searcher.rewrite(reader.read("alpha1*").query()))).hasSize(111); // alpha1, alpha10..19, alpha100..199
            }
        }
    }

    private static Set<Term> words(Query query) {
        Set<Term> words = new HashSet<>();
        query.visit(new QueryVisitor() {
            @Override
            public void consumeTerms(Query q, Term... terms) {
                words.addAll(Set.of(terms));
            }
        });
        return words;
    }
}
