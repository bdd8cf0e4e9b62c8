package paperboy.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import paperboy.paper.Paper;
import paperboy.paper.PaperStore;
import paperboy.search.PaperIndex;
import paperboy.search.SearchRequest;
import paperboy.search.SearchResults;
import paperboy.web.pages.SearchPage;

/** {@code /search?q=}: keyword search over the whole index, 20 a page, with highlighted snippets. */
final class SearchRoutes {
    static final int PAGE_SIZE = 20;
    private static final int MAX_PAGE = 50;

    private final PaperIndex index;
    private final PaperStore papers;
    private final Pages pages;

    SearchRoutes(PaperIndex index, PaperStore papers, Pages pages) {
        this.index = index;
        this.papers = papers;
        this.pages = pages;
    }

    void addTo(RoutesConfig routes) {
        routes.get("/search", this::search);
    }

    private void search(Context ctx) {
        String query = ctx.queryParam("q") == null ? "" : ctx.queryParam("q").strip();
        int page = Params.integer(ctx, "page", 1, 1, MAX_PAGE);
        SearchResults results = query.isEmpty()
                ? SearchResults.empty(null)
                : index.search(new SearchRequest(query, (page - 1) * PAGE_SIZE, PAGE_SIZE));
        Map<String, Paper> found = papers.findAll(results.hits().stream().map(SearchResults.Hit::id).toList())
                .stream().collect(Collectors.toMap(p -> p.id().value(), Function.identity()));
        List<SearchPage.Hit> hits = results.hits().stream()
                .filter(h -> found.containsKey(h.id().value()))
                .map(h -> new SearchPage.Hit(Cards.of(found.get(h.id().value()), null), h.titleHtml(), h.snippetHtml()))
                .toList();
        long total = Math.min(results.total(), (long) MAX_PAGE * PAGE_SIZE);
        String base = "/search?q=" + java.net.URLEncoder.encode(query, java.nio.charset.StandardCharsets.UTF_8);
        pages.render(ctx, "search.jte", new SearchPage(query, results.notice(), results.total(), hits,
                Paging.of(base, page, total, PAGE_SIZE)));
    }
}
