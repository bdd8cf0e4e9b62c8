package paperboy.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import paperboy.community.CommunityView;
import paperboy.community.Marks;
import paperboy.http.Params;
import paperboy.http.SearchParams;
import paperboy.http.SiteUrl;
import paperboy.paper.ArxivId;
import paperboy.paper.Paper;
import paperboy.paper.PaperStore;
import paperboy.search.PaperIndex;
import paperboy.search.SearchFilters;
import paperboy.search.SearchRequest;
import paperboy.search.SearchResults;
import paperboy.syndication.FeedLinks;
import paperboy.web.pages.Head;
import paperboy.web.pages.SearchPage;

/**
 * {@code /search?q=}: keyword, semantic or hybrid search over the whole index, filtered and
 * sorted as asked, 20 a page with highlighted snippets; {@code /search?like=} finds papers like a
 * pasted passage, as does a query too long to be read as search syntax. A query that is an arXiv id
 * or link opens that paper.
 */
final class SearchRoutes {
    static final int PAGE_SIZE = 20;
    private static final int MAX_PAGE = 50;

    private final PaperIndex index;
    private final PaperStore papers;
    private final Pages pages;
    private final boolean semanticAvailable;
    private final SiteUrl site;
    private final CommunityView community;

    SearchRoutes(PaperIndex index, PaperStore papers, Pages pages, boolean semanticAvailable, SiteUrl site,
            CommunityView community) {
        this.community = community;
        this.site = site;
        this.index = index;
        this.papers = papers;
        this.pages = pages;
        this.semanticAvailable = semanticAvailable;
    }

    void addTo(RoutesConfig routes) {
        routes.get("/search", this::search);
    }

    private void search(Context ctx) {
        String query = ctx.queryParam("q") == null ? "" : ctx.queryParam("q").strip();
        String like = ctx.queryParam("like") == null ? "" : ctx.queryParam("like").strip();
        int page = Params.integer(ctx, "page", 1, 1, MAX_PAGE);
        SearchRequest.Mode mode = SearchParams.mode(ctx);
        SearchRequest.Sort sort = SearchParams.sort(ctx);
        SearchFilters filters = SearchParams.filters(ctx);
        int offset = (page - 1) * PAGE_SIZE;
        Optional<ArxivId> named = like.isEmpty() ? SearchParams.arxivId(query) : Optional.empty();
        if (named.isPresent() && papers.find(named.get()).isPresent()) {
            ctx.redirect("/papers/" + named.get().value()); // an id or link typed in the box opens the paper
            return;
        }
        // A pasted paragraph is a normal way to ask: a query too long for search syntax is searched as a passage.
        boolean longQuery = like.isEmpty() && query.length() > SearchRequest.MAX_QUERY_LENGTH;
        if (longQuery) {
            like = query;
            query = "";
        }
        SearchResults results;
        if (named.isPresent()) {
            results = SearchResults.empty(SearchParams.notInIndex(named.get()));
        } else if (!like.isEmpty()) {
            results = passage(like, longQuery, filters, offset);
        } else if (!query.isEmpty()) {
            results = index.search(new SearchRequest(query, mode, filters, sort, offset, PAGE_SIZE));
        } else {
            results = SearchResults.empty(null);
        }
        SearchPage.Options options = new SearchPage.Options(mode == null ? "" : mode.label(), results.mode().label(),
                sort.label(), text(filters.from()), text(filters.to()), String.join(",", filters.categories()),
                filters.featuredOnly(), semanticAvailable);
        long total = Math.min(results.total(), (long) MAX_PAGE * PAGE_SIZE);
        String address = base(query, like, options);
        FeedLinks feeds = query.isEmpty() && like.isEmpty() ? FeedLinks.LATEST
                : FeedLinks.forPage(address, "Paperboy: search " + (like.isEmpty() ? "“" + query + "”" : "papers like your text"));
        pages.render(ctx, "search.jte", new SearchPage(query, like, options, results.notice(), results.total(), results.atLeast(),
                progress(results.meaning()), model(results), hits(ctx, results), Paging.of(address, page, total, PAGE_SIZE), feeds), canonical(ctx, address, page));
    }

    /**
     * The one address of this search (its parameters in a fixed order, defaults left out), so that
     * the many spellings of a search are one page; results pages are kept out of search engines'
     * indexes (robots.txt asks crawlers not to fetch them at all), the help page is not.
     */
    private Head canonical(Context ctx, String address, int page) {
        if (address.equals("/search?q=")) {
            return Head.at(site.absolute(ctx, "/search"));
        }
        return Head.searchAt(site.absolute(ctx, address + (page == 1 ? "" : "&page=" + page)));
    }

    /** Papers like {@code text}; {@code typedAsQuery} when it came as a long {@code q}, which the notice explains. */
    private SearchResults passage(String text, boolean typedAsQuery, SearchFilters filters, int offset) {
        SearchResults results = index.searchLike(text, filters, offset, PAGE_SIZE);
        if (!typedAsQuery || text.length() > SearchRequest.MAX_PASSAGE_LENGTH) {
            return results; // a passage too long even for that has its own notice
        }
        return results.withNotice("That query is longer than " + SearchRequest.MAX_QUERY_LENGTH
                + " characters, so it was searched as a passage: these papers are like it.");
    }

    /** "meaning: 384 of 1,416 papers so far" while papers are being embedded; null once all are. */
    private static String progress(SearchResults.Coverage meaning) {
        return meaning.partial()
                ? String.format(Locale.ROOT, "meaning: %,d of %,d papers so far", meaning.embedded(), meaning.papers())
                : null;
    }

    /**
     * Which model matched by meaning (null for a search by words): while a newly configured model is
     * being embedded, the one before it, and how far the new one has come.
     */
    private String model(SearchResults results) {
        if (results.mode() == SearchRequest.Mode.KEYWORD) {
            return null;
        }
        return index.modelSwitch()
                .map(s -> String.format(Locale.ROOT, "%s, until %s has embedded every paper (%,d of %,d so far)",
                        s.answering(), s.coming(), s.embedded(), s.papers()))
                .orElseGet(() -> index.answeringModel().modelName());
    }

    private List<SearchPage.Hit> hits(Context ctx, SearchResults results) {
        List<ArxivId> ids = results.hits().stream().map(SearchResults.Hit::id).toList();
        Map<String, Paper> found = papers.findAll(ids)
                .stream().collect(Collectors.toMap(p -> p.id().value(), Function.identity()));
        Marks marks = Looking.marks(community, ctx, ids);
        return results.hits().stream()
                .filter(h -> found.containsKey(h.id().value()))
                .map(h -> new SearchPage.Hit(Cards.of(found.get(h.id().value()), null, marks), h.titleHtml(), h.snippetHtml()))
                .toList();
    }

    /** The address of this search without its page number, for the pager. */
    private static String base(String query, String like, SearchPage.Options options) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put(like.isEmpty() ? "q" : "like", like.isEmpty() ? query : like);
        params.put("mode", options.mode());
        params.put("sort", options.sort().equals("relevance") ? "" : options.sort());
        params.put("from", options.from());
        params.put("to", options.to());
        params.put("cat", options.categories());
        params.put("featured", options.featuredOnly() ? "true" : "");
        return "/search?" + params.entrySet().stream()
                .filter(e -> !e.getValue().isEmpty() || e.getKey().equals("q"))
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
