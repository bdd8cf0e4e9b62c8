package paperboy.search;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.util.BytesRef;
import paperboy.paper.ArxivId;

/**
 * Runs searches against the current index snapshot: keyword (BM25), semantic (nearest vectors,
 * the query embedded on the fly) or hybrid (both, fused), filtered and ordered as asked, and
 * highlights the hits. Semantic and hybrid rank a fixed number of candidates ({@link #DEPTH} per
 * list), so every page of one search comes from the same ranking. Each call runs under a time
 * budget ({@link SearchBudget}) and answers with what it found when the budget is spent.
 */
final class PaperSearch {
    /** Candidates taken from each ranking in semantic and hybrid search. */
    static final int DEPTH = 100;
    /** The longest text "more like this" takes. */
    static final int MAX_LIKE_LENGTH = SearchRequest.MAX_PASSAGE_LENGTH;
    /** Keyword matches are counted exactly up to this many. */
    static final int COUNTED = 1000;

    private static final SortField BY_ID = new SortField(PaperDocuments.ID_ORDER, SortField.Type.STRING);
    private static final SortField NEWEST = new SortedNumericSortField(PaperDocuments.PUBLISHED, SortField.Type.LONG, true);

    private final SearcherManager searchers;
    private final QueryReader reader;
    private final Analyzer analyzer;
    private final Semantic semantic;
    private final Snippets snippets;
    private final Duration budget;
    private final QueryVectors queryVectors;
    private final RememberedAnswers answers = new RememberedAnswers(RememberedAnswers.CHARS);
    private final KnownTerms knownTerms = new KnownTerms(KnownTerms.WORDS);

    /**
     * @param semantic embeds queries and fuses hybrid rankings, or is {@link Semantic#off()}
     * @param budget   how long one call may search
     */
    PaperSearch(SearcherManager searchers, Analyzer analyzer, Semantic semantic, Duration budget) {
        this.searchers = searchers;
        this.budget = budget;
        this.analyzer = analyzer;
        this.reader = new QueryReader(analyzer);
        this.semantic = semantic;
        this.snippets = new Snippets(analyzer);
        this.queryVectors = new QueryVectors(text -> semantic.embedder().embedQuery(text), QueryVectors.SIZE);
    }

    /** A typed query's vector, remembered for the same query asked again. */
    private float[] queryVector(String text) {
        return queryVectors.of(semantic.model(), text);
    }

    /** How often a query's vector was remembered rather than embedded. */
    com.github.benmanes.caffeine.cache.stats.CacheStats queryVectorStats() {
        return queryVectors.stats();
    }

    /** How often a word's place in the index was remembered rather than looked up ({@link KnownTerms}). */
    com.github.benmanes.caffeine.cache.stats.CacheStats knownTermStats() {
        return knownTerms.stats();
    }

    /** How often a search's answer was remembered rather than searched again. */
    com.github.benmanes.caffeine.cache.stats.CacheStats answerStats() {
        return answers.stats();
    }

    /** A ranked list of documents and how many match in all ({@code exact} false: at least that many). */
    private record Ranking(List<ScoreDoc> docs, long total, boolean exact) {
        Ranking(List<ScoreDoc> docs) {
            this(docs, docs.size(), true);
        }
    }

    SearchResults search(SearchRequest request) {
        return withSearcher(searcher -> answers.answer(searcher, request, () -> searchNow(searcher, request)));
    }

    private SearchResults searchNow(IndexSearcher searcher, SearchRequest request) throws IOException {
        try {
            return searchAsRead(searcher, request);
        } catch (IndexSearcher.TooManyClauses e) { // wildcards that expand, together, past Lucene's 1,024 words
            return SearchResults.empty("That query expands to too many words to search; use fewer wildcards or ranges.");
        }
    }

    private SearchResults searchAsRead(IndexSearcher searcher, SearchRequest request) throws IOException {
        QueryReader.Reading reading = reader.read(request.query());
        SearchFilters filters = request.filters().withCategories(reading.categories());
        if (reading.query() == null && (reading.categories().isEmpty() || reading.notice() != null)) {
            return SearchResults.empty(reading.notice());
        }
        return explainCategories(searcher, filters, ranked(searcher, request, reading, filters));
    }

    private SearchResults ranked(IndexSearcher searcher, SearchRequest request, QueryReader.Reading reading,
            SearchFilters filters) throws IOException {
        if (reading.query() == null) { // only cat: terms: browse the category, newest first
            SearchRequest.Sort sort = request.sort() == SearchRequest.Sort.RELEVANCE ? SearchRequest.Sort.DATE : request.sort();
            Ranking all = keyword(searcher, new MatchAllDocsQuery(), SearchFilterQuery.of(filters, null), sort,
                    request.offset() + request.limit());
            return results(searcher, all, null, request, null, SearchRequest.Mode.KEYWORD);
        }
        ModeChoice choice = chooseMode(request.mode(), reading, searcher);
        if (choice.mode() == SearchRequest.Mode.HYBRID && request.sort() != SearchRequest.Sort.RELEVANCE) {
            return sortedHybrid(searcher, request, reading, filters);
        }
        Ranking ranking = switch (choice.mode()) {
            case KEYWORD -> keyword(searcher, reading.query(), SearchFilterQuery.of(filters, null), request.sort(),
                    request.offset() + request.limit());
            case SEMANTIC -> sorted(searcher, semantic(searcher, offTheClock(searcher, () -> queryVector(reading.meaning())),
                    SearchFilterQuery.of(filters, reading.restriction())), request.sort());
            case HYBRID -> sorted(searcher, hybrid(searcher, reading, filters), request.sort());
        };
        String notice = reading.notice() != null ? reading.notice() : choice.notice();
        return results(searcher, ranking, reading.query(), request, notice, choice.mode());
    }

    /**
     * Hybrid search in date or upvote order: ordering the fused list would put papers related only
     * loosely in meaning among (or before) those that contain the words, so when any paper matches
     * the words those matches are the ones ordered; otherwise the papers close enough in meaning.
     */
    private SearchResults sortedHybrid(IndexSearcher searcher, SearchRequest request, QueryReader.Reading reading,
            SearchFilters filters) throws IOException {
        Ranking words = keyword(searcher, reading.query(), SearchFilterQuery.of(filters, null), request.sort(),
                request.offset() + request.limit());
        SearchResults results;
        if (words.total() > 0) {
            results = results(searcher, words, reading.query(), request, reading.notice(), SearchRequest.Mode.KEYWORD);
            return results.withNotice("In this order, only papers that contain your words are listed; "
                    + "papers related by meaning alone are listed under best match.");
        }
        Ranking meaning = sorted(searcher, semantic(searcher, offTheClock(searcher, () -> queryVector(reading.meaning())),
                SearchFilterQuery.of(filters, reading.restriction())), request.sort());
        results = results(searcher, meaning, reading.query(), request, reading.notice(), SearchRequest.Mode.SEMANTIC);
        return results.withNotice("No paper contains your words; these are the papers closest in meaning.");
    }

    /** An empty category search on an index where no paper has a category says why. */
    private static SearchResults explainCategories(IndexSearcher searcher, SearchFilters filters, SearchResults results)
            throws IOException {
        if (results.total() > 0 || filters.categories().isEmpty() || IndexCoverage.hasCategories(searcher)) {
            return results;
        }
        return results.withNotice("No paper here has arXiv categories yet: Hugging Face daily lists (such as the bundled "
                + "sample) carry none, so cat: finds papers only after a harvest or an arXiv snapshot import.");
    }

    /** Papers nearest to a passage of text; keyword "more like this" when embeddings are off. */
    SearchResults like(String text, SearchFilters filters, int offset, int limit) {
        String passage = text == null ? "" : text.strip();
        if (passage.isEmpty()) {
            return SearchResults.empty("Paste an abstract or a paragraph to find papers like it.");
        }
        if (passage.length() > MAX_LIKE_LENGTH) {
            return SearchResults.empty("That text is longer than " + MAX_LIKE_LENGTH + " characters; paste a shorter part of it.");
        }
        SearchRequest request = new SearchRequest("", SearchRequest.Mode.SEMANTIC, filters, null, offset, limit);
        return withSearcher(searcher -> {
            Query filter = SearchFilterQuery.of(filters, null);
            if (semantic.isOn() && IndexCoverage.vectorDocs(searcher, semantic.field()) > 0) {
                Ranking ranking = semantic(searcher, offTheClock(searcher, () -> passageVector(passage)), filter);
                return results(searcher, ranking, null, request, null, SearchRequest.Mode.SEMANTIC);
            }
            Query similar = moreLikeThis(searcher, passage);
            if (similar == null) {
                return SearchResults.empty("That text has no words to match.");
            }
            Ranking ranking = keyword(searcher, similar, filter, SearchRequest.Sort.RELEVANCE, DEPTH);
            return results(searcher, new Ranking(ranking.docs()), similar, request,
                    "Matched by shared words: semantic search is not available here.", SearchRequest.Mode.KEYWORD);
        });
    }

    /** Ids of the papers nearest to {@code vector}, best first, {@code self} and withdrawn papers excluded. */
    List<ArxivId> nearest(float[] vector, ArxivId self, int limit) {
        Query notSelf = new BooleanQuery.Builder()
                .add(new MatchAllDocsQuery(), BooleanClause.Occur.FILTER)
                .add(new TermQuery(new Term(PaperDocuments.ID, self.value())), BooleanClause.Occur.MUST_NOT)
                .add(new TermQuery(new Term(PaperDocuments.WITHDRAWN, "true")), BooleanClause.Occur.MUST_NOT)
                .build();
        return withSearcher(searcher -> {
            IdLookup ids = new IdLookup(searcher);
            List<ArxivId> nearest = new ArrayList<>();
            List<ScoreDoc> docs = knn(searcher, vector, notSelf, limit);
            for (ScoreDoc doc : docs) {
                nearest.add(new ArxivId(ids.id(doc.doc)));
            }
            return nearest;
        });
    }

    int size() {
        return withSearcher(searcher -> searcher.getIndexReader().numDocs());
    }

    /** Papers with a vector (live documents only). */
    int vectorCount() {
        return semantic.isOn() ? withSearcher(searcher -> IndexCoverage.liveVectorDocs(searcher, semantic.field())) : 0;
    }

    /** Whether any document has a vector (the cheap check: deleted ones count until their segment merges). */
    boolean hasVectors() {
        return semantic.isOn() && withSearcher(searcher -> IndexCoverage.vectorDocs(searcher, semantic.field()) > 0);
    }

    /** The model this searches with (vectors and query embedding), or {@link Semantic#off()}. */
    Semantic semantic() {
        return semantic;
    }

    private record ModeChoice(SearchRequest.Mode mode, String notice) {}

    private ModeChoice chooseMode(SearchRequest.Mode asked, QueryReader.Reading reading, IndexSearcher searcher)
            throws IOException {
        if (asked == SearchRequest.Mode.KEYWORD) {
            return new ModeChoice(asked, null);
        }
        boolean ready = semantic.isOn() && IndexCoverage.vectorDocs(searcher, semantic.field()) > 0;
        if (asked == null) {
            return new ModeChoice(ready && !reading.meaning().isBlank() ? SearchRequest.Mode.HYBRID : SearchRequest.Mode.KEYWORD, null);
        }
        if (!semantic.isOn()) {
            return new ModeChoice(SearchRequest.Mode.KEYWORD, "Semantic search is turned off on this server; these results match your words.");
        }
        if (!ready) {
            return new ModeChoice(SearchRequest.Mode.KEYWORD, "Papers are not embedded yet; these results match your words.");
        }
        if (reading.meaning().isBlank()) {
            return new ModeChoice(SearchRequest.Mode.KEYWORD,
                    "Your query has only field terms or exclusions, so it was matched by words, not meaning.");
        }
        return new ModeChoice(asked, null);
    }

    /**
     * The best {@code depth} matches in the asked order. Matches are counted exactly up to
     * {@link #COUNTED} (more than any pager shows); past that Lucene may skip documents that cannot
     * make the top, and the total is a lower bound.
     */
    private Ranking keyword(IndexSearcher searcher, Query query, Query filter, SearchRequest.Sort sort, int depth)
            throws IOException {
        Query words = knownTerms.of(searcher, query);
        Query filtered = filter == null ? words : new BooleanQuery.Builder()
                .add(words, BooleanClause.Occur.MUST).add(filter, BooleanClause.Occur.FILTER).build();
        int n = Math.max(1, depth);
        TopDocs top = sort == SearchRequest.Sort.RELEVANCE
                ? searcher.search(filtered, new TopScoreDocCollectorManager(n, null, COUNTED))
                : searcher.search(filtered, new TopFieldCollectorManager(sortOf(sort), n, null, COUNTED));
        List<ScoreDoc> docs = sort == SearchRequest.Sort.RELEVANCE
                ? tiesById(searcher, top.scoreDocs)
                : Arrays.asList(top.scoreDocs);
        return new Ranking(docs, top.totalHits.value(), top.totalHits.relation() == TotalHits.Relation.EQUAL_TO);
    }

    /** Documents with equal scores put in id order (Lucene leaves them in index order). */
    private static List<ScoreDoc> tiesById(IndexSearcher searcher, ScoreDoc[] docs) throws IOException {
        List<ScoreDoc> sorted = new ArrayList<>(Arrays.asList(docs));
        IdLookup ids = null;
        for (int from = 0; from < sorted.size(); ) {
            int to = from + 1;
            while (to < sorted.size() && sorted.get(to).score == sorted.get(from).score) {
                to++;
            }
            if (to - from > 1) {
                IdLookup lookup = ids == null ? (ids = new IdLookup(searcher)) : ids;
                Map<Integer, String> idOf = new HashMap<>();
                for (ScoreDoc doc : sorted.subList(from, to)) {
                    idOf.put(doc.doc, lookup.id(doc.doc));
                }
                sorted.subList(from, to).sort(Comparator.comparing(d -> idOf.get(d.doc)));
            }
            from = to;
        }
        return sorted;
    }

    /** The nearest papers that are close enough to count as matches ({@link SimilarityFloor}). */
    private Ranking semantic(IndexSearcher searcher, float[] vector, Query filter) throws IOException {
        return new Ranking(semantic.floor().keep(knn(searcher, vector, filter, DEPTH)));
    }

    private Ranking hybrid(IndexSearcher searcher, QueryReader.Reading reading, SearchFilters filters) throws IOException {
        Ranking words = keyword(searcher, reading.query(), SearchFilterQuery.of(filters, null), SearchRequest.Sort.RELEVANCE, DEPTH);
        List<ScoreDoc> meaning = semantic(searcher, offTheClock(searcher, () -> queryVector(reading.meaning())),
                SearchFilterQuery.of(filters, reading.restriction())).docs();
        IdLookup ids = new IdLookup(searcher);
        Map<String, Integer> docOf = new HashMap<>();
        List<ScoredId> wordRanking = scored(words.docs(), ids, docOf);
        List<ScoredId> meaningRanking = scored(meaning, ids, docOf);
        List<ScoreDoc> fused = new ArrayList<>();
        for (ScoredId hit : semantic.fusion().fuse(List.of(wordRanking, meaningRanking), 2 * DEPTH)) {
            fused.add(new ScoreDoc(docOf.get(hit.id()), (float) hit.score()));
        }
        return new Ranking(fused);
    }

    /** The nearest {@code k} documents, best first, equal scores in id order. */
    private List<ScoreDoc> knn(IndexSearcher searcher, float[] vector, Query filter, int k) throws IOException {
        TopDocs top = searcher.search(new KnnFloatVectorQuery(semantic.field(), vector, k, filter), k);
        IdLookup ids = new IdLookup(searcher);
        Map<Integer, String> idOf = new HashMap<>();
        for (ScoreDoc doc : top.scoreDocs) {
            idOf.put(doc.doc, ids.id(doc.doc));
        }
        List<ScoreDoc> docs = new ArrayList<>(Arrays.asList(top.scoreDocs));
        docs.sort(Comparator.comparingDouble((ScoreDoc d) -> -d.score).thenComparing(d -> idOf.get(d.doc)));
        return docs;
    }

    private static List<ScoredId> scored(List<ScoreDoc> docs, IdLookup ids, Map<String, Integer> docOf) throws IOException {
        List<ScoredId> scored = new ArrayList<>(docs.size());
        for (ScoreDoc doc : docs) {
            String id = ids.id(doc.doc);
            docOf.put(id, doc.doc);
            scored.add(new ScoredId(id, doc.score));
        }
        return scored;
    }

    /** Semantic and hybrid candidates put in date or upvote order when asked. */
    private Ranking sorted(IndexSearcher searcher, Ranking ranking, SearchRequest.Sort sort) throws IOException {
        if (sort == SearchRequest.Sort.RELEVANCE || ranking.docs().isEmpty()) {
            return ranking;
        }
        IdLookup ids = new IdLookup(searcher);
        List<BytesRef> candidates = new ArrayList<>();
        for (ScoreDoc doc : ranking.docs()) {
            candidates.add(new BytesRef(ids.id(doc.doc)));
        }
        TopDocs top = searcher.search(new TermInSetQuery(PaperDocuments.ID, candidates), candidates.size(), sortOf(sort));
        return new Ranking(Arrays.asList(top.scoreDocs), ranking.total(), ranking.exact());
    }

    private static Sort sortOf(SearchRequest.Sort sort) {
        return switch (sort) {
            case RELEVANCE -> new Sort(SortField.FIELD_SCORE, BY_ID);
            case DATE -> new Sort(NEWEST, BY_ID);
            case UPVOTES -> new Sort(new SortedNumericSortField(PaperDocuments.UPVOTES, SortField.Type.INT, true), NEWEST, BY_ID);
        };
    }

    /** The asked page of {@code ranking}, highlighted unless the search has run out of time, which it then says. */
    private SearchResults results(IndexSearcher searcher, Ranking ranking, Query highlight, SearchRequest request,
            String notice, SearchRequest.Mode mode) throws IOException {
        List<ScoreDoc> docs = ranking.docs();
        int from = Math.min(request.offset(), docs.size());
        List<ScoreDoc> page = docs.subList(from, Math.min(docs.size(), request.offset() + request.limit()));
        SearchResults.Coverage meaning = mode == SearchRequest.Mode.KEYWORD ? SearchResults.Coverage.WHOLE
                : IndexCoverage.meaning(searcher, semantic.field());
        SearchBudget spent = searcher.getTimeout() instanceof SearchBudget b && (b.spent() || searcher.timedOut()) ? b : null;
        List<SearchResults.Hit> hits = snippets.hits(searcher, spent == null ? highlight : null, page);
        if (spent == null) {
            return new SearchResults(ranking.total(), !ranking.exact(), hits, notice, mode, meaning, false);
        }
        return new SearchResults(ranking.total(), true, hits, notice == null ? spent.notice() : notice + " " + spent.notice(), mode,
                meaning, true);
    }

    /**
     * A vector embedded without counting against the search's time budget: embedding is bounded by
     * the text's length, and the model's first use (loading it) takes seconds.
     */
    private static float[] offTheClock(IndexSearcher searcher, Supplier<float[]> embedding) {
        return searcher.getTimeout() instanceof SearchBudget budget ? budget.offTheClock(embedding) : embedding.get();
    }

    private float[] passageVector(String passage) {
        Embedder embedder = semantic.embedder();
        if (embedder.tokenCount(passage) <= embedder.settings().maxTokens() - 2) {
            return embedder.embed(passage);
        }
        return Vectors.normalisedMean(embedder.embedAll(embedder.windows(passage, 200, 50)));
    }

    private Query moreLikeThis(IndexSearcher searcher, String passage) throws IOException {
        MoreLikeThis mlt = new MoreLikeThis(searcher.getIndexReader());
        mlt.setAnalyzer(analyzer);
        mlt.setFieldNames(new String[] {PaperDocuments.TEXT});
        mlt.setMinDocFreq(1);
        mlt.setMinTermFreq(1);
        Query query = mlt.like(PaperDocuments.TEXT, new StringReader(passage));
        return query instanceof BooleanQuery b && b.clauses().isEmpty() ? null : query;
    }

    /** Work done with one searcher from the manager, released afterwards. */
    private interface SearcherWork<T> {
        T run(IndexSearcher searcher) throws IOException;
    }

    private <T> T withSearcher(SearcherWork<T> work) {
        IndexSearcher searcher;
        try {
            searcher = searchers.acquire();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the search index", e);
        }
        try {
            return work.run(new SearchBudget(budget).searcher(searcher));
        } catch (IOException e) {
            throw new UncheckedIOException("search failed", e);
        } finally {
            try {
                searchers.release(searcher);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot release an index searcher", e);
            }
        }
    }
}
