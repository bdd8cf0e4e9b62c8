package paperboy.search;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.IndexSearcher;

/** Reads papers' ids from doc values (cheaper than loading stored documents) for one searcher. */
final class IdLookup {
    private final List<LeafReaderContext> leaves;

    IdLookup(IndexSearcher searcher) {
        this.leaves = searcher.getIndexReader().leaves();
    }

    String id(int doc) throws IOException {
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        SortedDocValues ids = DocValues.getSorted(leaf.reader(), PaperDocuments.ID_ORDER);
        if (!ids.advanceExact(doc - leaf.docBase)) {
            throw new IllegalStateException("document " + doc + " has no id");
        }
        return ids.lookupOrd(ids.ordValue()).utf8ToString();
    }
}
