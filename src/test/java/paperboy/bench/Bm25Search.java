package paperboy.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;
import paperboy.eval.BeirDataset;
import paperboy.search.ScoredId;

/**
 * A throw-away in-memory BM25 index over a BEIR corpus, for tuning what PaperIndex should do:
 * either one flat field (title + text) or separate title and text fields with boosts.
 */
final class Bm25Search implements AutoCloseable {

    /** How the index is built and queried. titleBoost 0 means one flat field. */
    record Config(String analyzerName, Analyzer analyzer, float titleBoost, float k1, float b) {
        @Override
        public String toString() {
            String fields = titleBoost == 0 ? "flat title+text" : "title^" + titleBoost + " text^1";
            return analyzerName + ", " + fields + ", k1=" + k1 + " b=" + b;
        }
    }

    private final Config config;
    private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
    private final DirectoryReader reader;
    private final IndexSearcher searcher;

    Bm25Search(List<BeirDataset.Document> corpus, Config config) {
        this.config = config;
        BM25Similarity similarity = new BM25Similarity(config.k1(), config.b());
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(config.analyzer()).setSimilarity(similarity))) {
            for (BeirDataset.Document d : corpus) {
                Document doc = new Document();
                doc.add(new StringField("id", d.id(), Field.Store.YES));
                if (config.titleBoost() == 0) {
                    doc.add(new TextField("all", d.title() + " " + d.text(), Field.Store.NO));
                } else {
                    doc.add(new TextField("title", d.title(), Field.Store.NO));
                    doc.add(new TextField("text", d.text(), Field.Store.NO));
                }
                writer.addDocument(doc);
            }
            writer.commit();
            this.reader = DirectoryReader.open(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.searcher = new IndexSearcher(reader);
        searcher.setSimilarity(similarity);
    }

    /** Best first by BM25, ties by ascending id. */
    List<ScoredId> search(String query, int limit) {
        try {
            QueryParser parser = config.titleBoost() == 0
                    ? new QueryParser("all", config.analyzer())
                    : new MultiFieldQueryParser(new String[] {"title", "text"}, config.analyzer(),
                            Map.of("title", config.titleBoost(), "text", 1f));
            List<ScoredId> hits = new ArrayList<>();
            for (ScoreDoc hit : searcher.search(parser.parse(QueryParser.escape(query)), limit).scoreDocs) {
                hits.add(new ScoredId(searcher.storedFields().document(hit.doc).get("id"), hit.score));
            }
            hits.sort(Comparator.comparingDouble(ScoredId::score).reversed().thenComparing(ScoredId::id));
            return hits;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Override
    public void close() throws IOException {
        reader.close();
        directory.close();
    }
}
