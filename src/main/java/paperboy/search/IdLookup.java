package paperboy.search;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.IndexSearcher;

/**
 * Reads papers' ids from doc values (cheaper than loading stored documents) for one searcher. A
 * segment's doc values are opened once and moved forward while ids are asked in document order,
 * and opened again only when an id at or before the last one is asked.
 */
final class IdLookup {
    private final List<LeafReaderContext> leaves;
    private final SortedDocValues[] opened;

    IdLookup(IndexSearcher searcher) {
        this.leaves = searcher.getIndexReader().leaves();
        this.opened = new SortedDocValues[leaves.size()];
    }

    String id(int doc) throws IOException {
        int leaf = ReaderUtil.subIndex(doc, leaves);
        LeafReaderContext context = leaves.get(leaf);
        int target = doc - context.docBase;
        SortedDocValues ids = opened[leaf];
        if (ids == null || ids.docID() >= target) {
            ids = opened[leaf] = DocValues.getSorted(context.reader(), PaperDocuments.ID_ORDER);
        }
        if (!ids.advanceExact(target)) {
            throw new IllegalStateException("document " + doc + " has no id");
        }
        return ids.lookupOrd(ids.ordValue()).utf8ToString();
    }
}
