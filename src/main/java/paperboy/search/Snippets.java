package paperboy.search;

import java.io.IOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.FieldOffsetStrategy;
import org.apache.lucene.search.uhighlight.UHComponents;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.DocIdSetBuilder;
import org.apache.lucene.util.automaton.ByteRunAutomaton;
import paperboy.paper.ArxivId;

/**
 * Turns ranked documents into hits with highlighted title and abstract snippets. Terms of the
 * combined abstract-and-title field mark words in either, since both are analysed alike. The
 * abstract is marked through that field's offsets, on the abstract's stored text, which is where
 * those offsets point (the field holds the abstract first; matches in the title lie past its end).
 */
final class Snippets {
    private static final String[] HIGHLIGHTED = {PaperDocuments.TITLE, PaperDocuments.TEXT};
    /** Marks matches, escaping the text around them. Keeps no state between calls, so one serves every search. */
    private static final DefaultPassageFormatter FORMATTER = new DefaultPassageFormatter("<mark>", "</mark>", " … ", true);
    /** Characters of a field the highlighter reads at most. */
    private static final int MAX_LENGTH = 20_000;

    private final Analyzer analyzer;
    private final StoredTexts texts = new StoredTexts(StoredTexts.CHARS);
    private final SnippetScorer scorer = new SnippetScorer();

    Snippets(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    /** @param query what to mark; null marks nothing (the snippets are then null) */
    List<SearchResults.Hit> hits(IndexSearcher searcher, Query query, List<ScoreDoc> page) throws IOException {
        if (page.isEmpty()) {
            return List.of();
        }
        ScoreDoc[] docs = page.toArray(ScoreDoc[]::new);
        Query marks = query == null ? null : marks(query);
        Marked marked = marks == null ? null : marks == query ? markedWhole(searcher, marks, docs) : markedByWords(searcher, marks, docs);
        IdLookup ids = new IdLookup(searcher);
        List<SearchResults.Hit> hits = new ArrayList<>(docs.length);
        for (int i = 0; i < docs.length; i++) {
            hits.add(new SearchResults.Hit(new ArxivId(ids.id(docs[i].doc)), docs[i].score,
                    marked == null ? null : marked.titles()[i], marked == null ? null : marked.abstracts()[i]));
        }
        return hits;
    }

    /** The marked title and abstract of each hit, in the hits' order (null where nothing matches). */
    private record Marked(String[] titles, String[] abstracts) {}

    /** Phrases and wildcards, marked whole: both fields the highlighter's own way, through the query's weight. */
    private Marked markedWhole(IndexSearcher searcher, Query marks, ScoreDoc[] docs) throws IOException {
        Map<String, String[]> marked = highlighter(searcher, false, Optional.empty())
                .highlightFields(HIGHLIGHTED, marks, page(docs), new int[] {1, 2});
        return new Marked(marked.get(PaperDocuments.TITLE), marked.get(PaperDocuments.TEXT));
    }

    /**
     * Plain words: the abstracts through the combined field's postings, which hold the titles'
     * matches too ({@link TitleMarks}), so each word's postings are read once per hit, not once per
     * field. A hit whose title was not read that way is marked through the title's own postings.
     */
    private Marked markedByWords(IndexSearcher searcher, Query marks, ScoreDoc[] docs) throws IOException {
        TitleMarks inTitles = new TitleMarks();
        String[] abstracts = highlighter(searcher, true, Optional.of(inTitles))
                .highlightFields(new String[] {PaperDocuments.TEXT}, marks, page(docs), new int[] {2})
                .get(PaperDocuments.TEXT);
        String[] marked = new String[docs.length];
        List<Integer> others = new ArrayList<>();
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        for (int i = 0; i < docs.length; i++) {
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(docs[i].doc, leaves));
            if (inTitles.has(docs[i].doc, leaf)) {
                marked[i] = inTitles.marked(docs[i].doc, leaf, FORMATTER);
            } else {
                others.add(i);
            }
        }
        if (!others.isEmpty()) {
            ScoreDoc[] rest = others.stream().map(i -> docs[i]).toArray(ScoreDoc[]::new);
            String[] restMarked = highlighter(searcher, true, Optional.empty())
                    .highlightFields(new String[] {PaperDocuments.TITLE}, marks, page(rest), new int[] {1})
                    .get(PaperDocuments.TITLE);
            for (int r = 0; r < rest.length; r++) {
                marked[others.get(r)] = restMarked[r];
            }
        }
        return new Marked(marked, abstracts);
    }

    private static TopDocs page(ScoreDoc[] docs) {
        return new TopDocs(new TotalHits(docs.length, TotalHits.Relation.EQUAL_TO), docs);
    }

    /**
     * What to mark: the query's words once each, as terms of the combined field, which both
     * highlighted fields can use since title and abstract are analysed alike (a query over title + abstract and
     * authors otherwise makes the highlighter look every word up once per field and per query
     * field, most of a keyword search's time). A query with phrases or wildcards is kept whole, so
     * that only the phrase, or every expansion, is marked. Null when nothing can be marked.
     */
    private static Query marks(Query query) {
        boolean[] keepWhole = {false};
        Set<BytesRef> words = new LinkedHashSet<>();
        query.visit(new QueryVisitor() {
            @Override
            public void consumeTerms(Query q, Term... terms) {
                if (q instanceof PhraseQuery || q instanceof MultiPhraseQuery) {
                    keepWhole[0] = true;
                }
                for (Term term : terms) {
                    if (!term.field().equals(PaperDocuments.AUTHORS) && !term.field().equals(PaperDocuments.CATEGORY)) {
                        words.add(term.bytes());
                    }
                }
            }

            @Override
            public void consumeTermsMatching(Query q, String field, Supplier<ByteRunAutomaton> automaton) {
                keepWhole[0] = true; // wildcards and fuzzy terms: the highlighter expands them itself
            }

            @Override
            public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
                return occur == BooleanClause.Occur.MUST_NOT ? EMPTY_VISITOR : this;
            }
        });
        if (keepWhole[0]) {
            return query;
        }
        if (words.isEmpty()) {
            return null;
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        words.forEach(word -> any.add(new TermQuery(new Term(PaperDocuments.TEXT, word)), BooleanClause.Occur.SHOULD));
        return any.build();
    }

    /**
     * @param combinedTerms whether the query to mark is {@link #marks}' (terms of the combined field for both fields)
     * @param inTitles      where to note the titles and their matches while the combined field is read, if anywhere
     */
    private UnifiedHighlighter highlighter(IndexSearcher searcher, boolean combinedTerms, Optional<TitleMarks> inTitles) {
        var builder = new UnifiedHighlighter.Builder(searcher, analyzer)
                .withFormatter(FORMATTER)
                .withMaxLength(MAX_LENGTH)
                .withMaxNoHighlightPassages(0)
                .withScorer(scorer)
                // Plain terms are found through their postings directly; matching them through the query's weight
                // (needed to mark a phrase or a wildcard's expansions whole) cost a fifth of a keyword search.
                .withWeightMatches(!combinedTerms)
                .withFieldMatcher(combinedTerms ? field -> field.equals(PaperDocuments.TEXT) : field -> true);
        return new UnifiedHighlighter(builder) {
            /** A title is one passage; the abstract is cut into sentences ({@link SentenceBreaks}). */
            @Override
            protected BreakIterator getBreakIterator(String field) {
                return field.equals(PaperDocuments.TITLE) ? new WholeBreakIterator() : new SentenceBreaks();
            }

            /**
             * Both fields are indexed with offsets ({@link PaperDocuments}): Lucene's own answer merges the field
             * infos of every segment, for each field of every highlighting call.
             */
            @Override
            protected OffsetSource getOffsetSource(String field) {
                return field.equals(PaperDocuments.TITLE) || field.equals(PaperDocuments.TEXT)
                        ? OffsetSource.POSTINGS
                        : super.getOffsetSource(field);
            }

            /** Plain terms are read forward through their postings, document after document ({@link ForwardPostings}). */
            @Override
            protected FieldOffsetStrategy getOffsetStrategy(OffsetSource source, UHComponents components) {
                if (source != OffsetSource.POSTINGS || !ForwardPostings.fits(components)) {
                    return super.getOffsetStrategy(source, components);
                }
                return components.field().equals(PaperDocuments.TEXT)
                        ? new ForwardPostings(components, inTitles, MAX_LENGTH)
                        : new ForwardPostings(components);
            }

            /**
             * The combined field is not stored: its offsets are marked on the stored abstract. Values are
             * kept per segment and document ({@link StoredTexts}); those not kept are read in one go.
             */
            @Override
            protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docs, int cacheCharsThreshold)
                    throws IOException {
                // Marking the abstract alone, the title is read with it (one stored document), for TitleMarks.
                boolean withTitle = inTitles.isPresent() && fields.length == 1 && fields[0].equals(PaperDocuments.TEXT);
                String[] stored = withTitle ? new String[] {PaperDocuments.TEXT, PaperDocuments.TITLE} : fields.clone();
                for (int i = 0; i < stored.length; i++) {
                    if (stored[i].equals(PaperDocuments.TEXT)) {
                        stored[i] = PaperDocuments.SUMMARY;
                    }
                }
                List<String> names = List.of(stored);
                List<Integer> hits = new ArrayList<>();
                for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                    hits.add(doc);
                }
                int[] all = hits.stream().mapToInt(Integer::intValue).toArray();
                int maxDoc = searcher.getIndexReader().maxDoc();
                // Threshold: read every unkept hit in the one call (the highlighter's own stops at its cache size).
                List<CharSequence[]> read = texts.of(searcher.getIndexReader(), all, names,
                        unread -> super.loadFieldValues(stored, inOrder(unread, maxDoc), Integer.MAX_VALUE));
                List<CharSequence[]> values = new ArrayList<>(all.length);
                for (int i = 0; i < all.length; i++) {
                    CharSequence[] doc = read.get(i);
                    if (withTitle && doc[1] != null) {
                        inTitles.get().keepTitle(all[i], doc[1].toString());
                    }
                    values.add(withTitle ? new CharSequence[] {doc[0]} : doc);
                }
                return values;
            }
        };
    }

    /** The given documents (ascending) as an iterator, which the highlighter's stored-field reading takes. */
    private static DocIdSetIterator inOrder(int[] docs, int maxDoc) throws IOException {
        DocIdSetBuilder builder = new DocIdSetBuilder(maxDoc);
        DocIdSetBuilder.BulkAdder adder = builder.grow(docs.length);
        for (int doc : docs) {
            adder.add(doc);
        }
        return builder.build().iterator();
    }
}
