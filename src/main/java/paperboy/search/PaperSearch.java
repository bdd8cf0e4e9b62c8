package paperboy.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import paperboy.paper.ArxivId;

/** Runs keyword searches against the current index snapshot and highlights the hits. */
final class PaperSearch {
    private static final String[] HIGHLIGHTED = {PaperDocuments.TITLE, PaperDocuments.SUMMARY};

    private final SearcherManager searchers;
    private final QueryReader reader;
    private final Analyzer analyzer;

    PaperSearch(SearcherManager searchers, Analyzer analyzer) {
        this.searchers = searchers;
        this.analyzer = analyzer;
        this.reader = new QueryReader(analyzer);
    }

    SearchResults search(SearchRequest request) {
        QueryReader.Reading reading = reader.read(request.query());
        if (reading.query() == null) {
            return SearchResults.empty(reading.notice());
        }
        IndexSearcher searcher = acquire();
        try {
            TopDocs top = searcher.search(reading.query(), request.offset() + request.limit());
            int total = searcher.count(reading.query());
            return new SearchResults(total, hits(searcher, reading.query(), top, request.offset()), reading.notice());
        } catch (IOException e) {
            throw new UncheckedIOException("search failed for " + request.query(), e);
        } finally {
            release(searcher);
        }
    }

    int size() {
        IndexSearcher searcher = acquire();
        try {
            return searcher.getIndexReader().numDocs();
        } finally {
            release(searcher);
        }
    }

    private List<SearchResults.Hit> hits(IndexSearcher searcher, Query query, TopDocs top, int offset)
            throws IOException {
        ScoreDoc[] all = top.scoreDocs;
        if (offset >= all.length) {
            return List.of();
        }
        ScoreDoc[] page = java.util.Arrays.copyOfRange(all, offset, all.length);
        TopDocs pageDocs = new TopDocs(top.totalHits, page);
        Map<String, String[]> snippets = highlighter(searcher)
                .highlightFields(HIGHLIGHTED, query, pageDocs, new int[] {1, 2});
        var storedFields = searcher.storedFields();
        List<SearchResults.Hit> hits = new ArrayList<>(page.length);
        for (int i = 0; i < page.length; i++) {
            String id = storedFields.document(page[i].doc).get(PaperDocuments.ID);
            hits.add(new SearchResults.Hit(new ArxivId(id), page[i].score,
                    snippets.get(PaperDocuments.TITLE)[i], snippets.get(PaperDocuments.SUMMARY)[i]));
        }
        return hits;
    }

    private UnifiedHighlighter highlighter(IndexSearcher searcher) {
        return new UnifiedHighlighter.Builder(searcher, analyzer)
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
                .withMaxLength(20_000)
                .withMaxNoHighlightPassages(0)
                .build();
    }

    private IndexSearcher acquire() {
        try {
            return searchers.acquire();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the search index", e);
        }
    }

    private void release(IndexSearcher searcher) {
        try {
            searchers.release(searcher);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot release an index searcher", e);
        }
    }
}
