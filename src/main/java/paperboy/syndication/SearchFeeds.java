package paperboy.syndication;

import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import paperboy.http.HttpError;
import paperboy.http.Params;
import paperboy.http.SearchParams;
import paperboy.paper.ArxivId;
import paperboy.paper.Paper;
import paperboy.paper.PaperStore;
import paperboy.search.PaperIndex;
import paperboy.search.SearchFilters;
import paperboy.search.SearchRequest;
import paperboy.search.SearchResults;

/**
 * The feed of any search: {@code /search.atom} takes the parameters of {@code /search} ({@code q}
 * or {@code like}, {@code mode}, {@code sort}, {@code from}, {@code to}, {@code cat},
 * {@code featured}) and lists the first {@value #SIZE} results in the same order. This is also
 * the feed of a saved topic, which is a saved search. An entry's time is its paper's arXiv date
 * (the latest version's, else the first's).
 */
final class SearchFeeds {
    static final int SIZE = 50;
    /** The parameters that make a search, in the order the feed's address lists them. */
    private static final List<String> PARAMETERS = List.of("q", "like", "mode", "sort", "from", "to", "cat", "featured");

    private final PaperIndex index;
    private final PaperStore papers;

    SearchFeeds(PaperIndex index, PaperStore papers) {
        this.index = index;
        this.papers = papers;
    }

    /** A search's feed, and whether the search ran to the end (one out of time is not kept). */
    record Found(PaperFeed feed, boolean complete) {}

    Found search(Context ctx) {
        String query = Objects.requireNonNullElse(Params.text(ctx, "q"), "").strip();
        String like = Objects.requireNonNullElse(Params.text(ctx, "like"), "").strip();
        if (query.isEmpty() && like.isEmpty()) {
            throw HttpError.badRequest("a search feed needs q (the words to search for) or like (a passage), as /search does");
        }
        SearchRequest.Mode mode = SearchParams.mode(ctx);
        SearchRequest.Sort sort = SearchParams.sort(ctx);
        SearchFilters filters = SearchParams.filters(ctx);
        Optional<ArxivId> named = like.isEmpty() ? SearchParams.arxivId(query) : Optional.empty();
        SearchResults results;
        if (named.isPresent()) {
            results = byId(named.get());
        } else if (!like.isEmpty() || query.length() > SearchRequest.MAX_QUERY_LENGTH) {
            results = index.searchLike(like.isEmpty() ? query : like, filters, 0, SIZE); // a pasted paragraph, as on the page
        } else {
            results = index.search(new SearchRequest(query, mode, filters, sort, 0, SIZE));
        }
        List<PaperFeed.Item> items = papers.findAll(results.hits().stream().map(SearchResults.Hit::id).toList()).stream()
                .map(p -> new PaperFeed.Item(p, arxivDate(p)))
                .toList();
        String what = like.isEmpty() ? "“" + query + "”" : "papers like your text";
        String subtitle = results.notice() != null ? results.notice()
                : "Papers matching " + what + ", in the order of the search page.";
        String address = address(ctx);
        return new Found(new PaperFeed("Paperboy: search " + what, subtitle, "/search?" + address, "/search", address, items),
                !results.incomplete());
    }

    /** A query that is an arXiv id or link: that paper alone, or nothing when the store lacks it (filters do not apply). */
    private SearchResults byId(ArxivId id) {
        if (papers.find(id).isEmpty()) {
            return SearchResults.empty(SearchParams.notInIndex(id));
        }
        return new SearchResults(1, false, List.of(new SearchResults.Hit(id, 1, null, null)), null, SearchRequest.Mode.KEYWORD);
    }

    private static Instant arxivDate(Paper paper) {
        return Stream.of(paper.updatedAt(), paper.publishedAt()).filter(Objects::nonNull).findFirst().orElse(Instant.EPOCH);
    }

    /** The search's parameters, encoded in a fixed order, so that one search has one feed id whatever order it was asked in. */
    private static String address(Context ctx) {
        return PARAMETERS.stream()
                .filter(name -> Params.text(ctx, name) != null)
                .map(name -> name + "=" + URLEncoder.encode(Params.text(ctx, name).strip(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
