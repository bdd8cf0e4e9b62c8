package paperboy.digest;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.stream.Collectors;
import paperboy.paper.ArxivId;
import paperboy.paper.Paper;
import paperboy.paper.PaperStore;
import paperboy.search.PaperIndex;
import paperboy.search.SearchFilters;
import paperboy.search.SearchPool;
import paperboy.search.SearchRequest;
import paperboy.search.SearchResults;
import paperboy.subscription.SiteLinks;

/**
 * A topic's new papers in an edition: the topic searched as the search box would (same syntax,
 * same mode), kept to papers whose arXiv date falls in the edition's period, best match first.
 * Subscribers share topics, so each (edition, query) is searched once and its section of the
 * mail (the papers as the mail lists them, the link to the search) kept in a bounded cache: an
 * edition for 100,000 readers of 900 distinct topics makes 900 searches, not 300,000.
 */
final class TopicMatches {
    static final int PER_TOPIC = 5;
    private static final int CACHED = 2_000;
    private static final int BUSY_TRIES = 20;

    private final PaperIndex index;
    private final PaperStore papers;
    private final SiteLinks links;
    private final Cache<String, Optional<Letter.Section>> cache = Caffeine.newBuilder().maximumSize(CACHED).build();
    private final LongAdder searches = new LongAdder();

    TopicMatches(PaperIndex index, PaperStore papers, SiteLinks links) {
        this.index = index;
        this.papers = papers;
        this.links = links;
    }

    /** The section of the mail for {@code query} in {@code edition}; empty when nothing new matches it. */
    Optional<Letter.Section> section(Edition edition, String query) {
        return cache.get(edition.cacheKey() + "\n" + query, k -> {
            List<Paper> matches = search(edition, query);
            return matches.isEmpty() ? Optional.empty() : Optional.of(new Letter.Section(query, searchUrl(edition, query),
                    matches.stream().map(p -> Letter.Entry.of(p, links)).toList()));
        });
    }

    /** How many searches this has made (not answered from its cache), for the bench and tests. */
    long searches() {
        return searches.sum();
    }

    private String searchUrl(Edition edition, String query) {
        return links.at("/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8) + "&from=" + edition.span().from()
                + "&to=" + edition.span().to());
    }

    private List<Paper> search(Edition edition, String query) {
        searches.increment();
        SearchFilters period = new SearchFilters(edition.span().from(), edition.span().to(), List.of(), false);
        SearchResults results = searchPatiently(new SearchRequest(query, null, period, SearchRequest.Sort.RELEVANCE, 0, PER_TOPIC));
        List<ArxivId> ids = results.hits().stream().map(SearchResults.Hit::id).toList();
        Map<ArxivId, Paper> found = papers.findAll(ids).stream().collect(Collectors.toMap(Paper::id, Function.identity()));
        return ids.stream().map(found::get).filter(Objects::nonNull).filter(p -> !p.withdrawn()).toList();
    }

    /** Pages' searches come first: when the search threads are all taken, wait a little and ask again. */
    private SearchResults searchPatiently(SearchRequest request) {
        for (int tries = 1; ; tries++) {
            try {
                return index.search(request);
            } catch (SearchPool.Busy e) {
                if (tries == BUSY_TRIES) {
                    throw e;
                }
                try {
                    Thread.sleep(100L * tries);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }
}
