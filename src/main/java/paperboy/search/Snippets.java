package paperboy.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import paperboy.paper.ArxivId;

/**
 * Turns ranked documents into hits with highlighted title and abstract snippets. Terms of the
 * combined title-and-abstract field mark words in either, since both are analysed alike.
 */
final class Snippets {
    private static final String[] HIGHLIGHTED = {PaperDocuments.TITLE, PaperDocuments.SUMMARY};

    private final Analyzer analyzer;

    Snippets(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    /** @param query what to mark; null marks nothing (the snippets are then null) */
    List<SearchResults.Hit> hits(IndexSearcher searcher, Query query, List<ScoreDoc> page) throws IOException {
        if (page.isEmpty()) {
            return List.of();
        }
        ScoreDoc[] docs = page.toArray(ScoreDoc[]::new);
        Map<String, String[]> marked = query == null ? null : highlighter(searcher)
                .highlightFields(HIGHLIGHTED, query, new TopDocs(new TotalHits(docs.length, TotalHits.Relation.EQUAL_TO), docs),
                        new int[] {1, 2});
        IdLookup ids = new IdLookup(searcher);
        List<SearchResults.Hit> hits = new ArrayList<>(docs.length);
        for (int i = 0; i < docs.length; i++) {
            hits.add(new SearchResults.Hit(new ArxivId(ids.id(docs[i].doc)), docs[i].score,
                    marked == null ? null : marked.get(PaperDocuments.TITLE)[i],
                    marked == null ? null : marked.get(PaperDocuments.SUMMARY)[i]));
        }
        return hits;
    }

    private UnifiedHighlighter highlighter(IndexSearcher searcher) {
        return new UnifiedHighlighter.Builder(searcher, analyzer)
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
                .withMaxLength(20_000)
                .withMaxNoHighlightPassages(0)
                .withFieldMatcher(field -> true)
                .build();
    }
}
