package paperboy.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import paperboy.http.Params;
import paperboy.http.SearchParams;
import paperboy.paper.Paper;
import paperboy.paper.PaperStore;
import paperboy.search.PaperIndex;
import paperboy.search.SearchFilters;
import paperboy.search.SearchRequest;
import paperboy.search.SearchResults;
import paperboy.web.pages.SearchPage;

/**
 * {@code /search?q=}: keyword, semantic or hybrid search over the whole index, filtered and
 * sorted as asked, 20 a page with highlighted snippets; {@code /search?like=} finds papers like a
 * pasted passage.
 */
final class SearchRoutes {
    static final int PAGE_SIZE = 20;
    private static final int MAX_PAGE = 50;

    private final PaperIndex index;
    private final PaperStore papers;
    private final Pages pages;
    private final boolean semanticAvailable;

    SearchRoutes(PaperIndex index, PaperStore papers, Pages pages, boolean semanticAvailable) {
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
        SearchResults results;
        if (!like.isEmpty()) {
            results = index.searchLike(like, filters, offset, PAGE_SIZE);
        } else if (!query.isEmpty()) {
            results = index.search(new SearchRequest(query, mode, filters, sort, offset, PAGE_SIZE));
        } else {
            results = SearchResults.empty(null);
        }
        SearchPage.Options options = new SearchPage.Options(mode == null ? "" : mode.label(), results.mode().label(),
                sort.label(), text(filters.from()), text(filters.to()), String.join(",", filters.categories()),
                filters.featuredOnly(), semanticAvailable);
        long total = Math.min(results.total(), (long) MAX_PAGE * PAGE_SIZE);
        pages.render(ctx, "search.jte", new SearchPage(query, like, options, results.notice(), results.total(), results.atLeast(),
                hits(results), Paging.of(base(query, like, options), page, total, PAGE_SIZE)));
    }

    private List<SearchPage.Hit> hits(SearchResults results) {
        Map<String, Paper> found = papers.findAll(results.hits().stream().map(SearchResults.Hit::id).toList())
                .stream().collect(Collectors.toMap(p -> p.id().value(), Function.identity()));
        return results.hits().stream()
                .filter(h -> found.containsKey(h.id().value()))
                .map(h -> new SearchPage.Hit(Cards.of(found.get(h.id().value()), null), h.titleHtml(), h.snippetHtml()))
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
