package paperboy.harvest;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import paperboy.paper.ArxivId;

/**
 * The arXiv API (default https://export.arxiv.org/api/query): fetches papers by id, up to 100 per
 * request, and search pages. Shares {@link ArxivHttp}, and so its pacing, with the OAI-PMH harvest.
 */
public final class ArxivApi {
    private static final Logger log = LoggerFactory.getLogger(ArxivApi.class);
    public static final URI DEFAULT_BASE = URI.create("https://export.arxiv.org/api/query");
    /** arXiv asks for at most 100 ids per id_list request. */
    static final int BATCH = 100;

    private final URI base;
    private final ArxivHttp http;

    public ArxivApi(URI base, ArxivHttp http) {
        this.base = Objects.requireNonNull(base, "base");
        this.http = Objects.requireNonNull(http, "http");
        if (base.getScheme() == null || !base.getScheme().startsWith("http")) {
            throw new IllegalArgumentException("the arXiv API base URL must be http(s), was " + base);
        }
    }

    /** The newest version of each paper, and the ids arXiv answered with an error or left out. */
    public ApiResult fetch(List<ArxivId> ids) throws IOException {
        List<ArxivId> distinct = List.copyOf(new LinkedHashSet<>(ids));
        List<ArxivEntry> entries = new ArrayList<>();
        for (int i = 0; i < distinct.size(); i += BATCH) {
            List<ArxivId> batch = distinct.subList(i, Math.min(distinct.size(), i + BATCH));
            URI uri = uri("id_list=" + batch.stream().map(ArxivId::value)
                    .map(ArxivApi::encode).collect(Collectors.joining(","))
                    + "&start=0&max_results=" + batch.size());
            AtomFeed.Parsed parsed = AtomFeed.parse(http.get(uri), "GET " + uri);
            parsed.errors().forEach(error -> log.info("arXiv API: {} (GET {})", error, uri));
            entries.addAll(parsed.entries());
        }
        List<ArxivEntry> newest = ArxivEntry.newestPerPaper(entries);
        Set<ArxivId> found = newest.stream().map(e -> e.paper().id()).collect(Collectors.toSet());
        return new ApiResult(newest, distinct.stream().filter(id -> !found.contains(id)).toList());
    }

    /** One page of results for an arXiv API search_query ("all:deep dream", "cat:cs.CL"). */
    public SearchPage search(String query, int start, int max) throws IOException {
        if (query == null || query.isBlank() || start < 0 || max < 1 || max > 2000) {
            throw new IllegalArgumentException("bad search: query='" + query + "' start=" + start + " max=" + max);
        }
        URI uri = uri("search_query=" + encode(query) + "&start=" + start + "&max_results=" + max);
        return AtomFeed.parse(http.get(uri), "GET " + uri).page();
    }

    private URI uri(String query) {
        String b = base.toString();
        return URI.create(b + (b.contains("?") ? "&" : "?") + query);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
