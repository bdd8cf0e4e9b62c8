package paperboy.search;

import java.io.IOException;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Terms;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FieldExistsQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.util.Bits;

/**
 * What a search can tell the user about the index itself, so that an empty or partial answer says
 * why: how many papers have vectors yet, and whether any paper has arXiv categories (the Hugging
 * Face sample has none).
 */
final class IndexCoverage {
    private IndexCoverage() {}

    /** Documents with a vector in {@code field}, deleted ones included until their segment merges. */
    static int vectorDocs(IndexSearcher searcher, String field) throws IOException {
        int count = 0;
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            FloatVectorValues values = leaf.reader().getFloatVectorValues(field);
            count += values == null ? 0 : values.size();
        }
        return count;
    }

    /**
     * Live documents with a vector in {@code field}: what {@link #vectorDocs} counts, less the deleted
     * ones (a paper written again leaves its old document, vector and all, until its segment merges).
     * Walks the vector documents of segments that have deletions, so it is for gauges, not searches.
     */
    static int liveVectorDocs(IndexSearcher searcher, String field) throws IOException {
        int count = 0;
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            FloatVectorValues values = leaf.reader().getFloatVectorValues(field);
            Bits live = leaf.reader().getLiveDocs();
            if (values == null || live == null) {
                count += values == null ? 0 : values.size();
                continue;
            }
            KnnVectorValues.DocIndexIterator docs = values.iterator();
            for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                count += live.get(doc) ? 1 : 0;
            }
        }
        return count;
    }

    /** How many live papers have a vector; {@link SearchResults.Coverage#WHOLE} when all of them do. */
    static SearchResults.Coverage meaning(IndexSearcher searcher, String field) throws IOException {
        IndexReader reader = searcher.getIndexReader();
        if (vectorDocs(searcher, field) >= reader.maxDoc()) {
            return SearchResults.Coverage.WHOLE; // the cheap check: every document has one
        }
        long embedded = searcher.count(new FieldExistsQuery(field));
        long papers = reader.numDocs();
        return embedded >= papers ? SearchResults.Coverage.WHOLE : new SearchResults.Coverage(embedded, papers);
    }

    /** Whether any paper in the index has a category (terms of deleted papers count until they merge away). */
    static boolean hasCategories(IndexSearcher searcher) throws IOException {
        Terms terms = MultiTerms.getTerms(searcher.getIndexReader(), PaperDocuments.CATEGORY);
        return terms != null && terms.size() != 0;
    }
}
