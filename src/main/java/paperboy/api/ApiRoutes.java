package paperboy.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import paperboy.community.CommunityView;
import paperboy.community.Marks;
import paperboy.community.Submission;
import paperboy.community.discussion.Comments;
import paperboy.community.discussion.Discussion;
import paperboy.feed.Feed;
import paperboy.feed.Period;
import paperboy.http.HttpError;
import paperboy.http.PageCache;
import paperboy.http.Params;
import paperboy.http.SearchParams;
import paperboy.http.SiteUrl;
import paperboy.paper.ArxivId;
import paperboy.paper.FeaturedPaper;
import paperboy.paper.Paper;
import paperboy.paper.PaperStore;
import paperboy.search.PaperIndex;
import paperboy.search.SearchRequest;
import paperboy.search.SearchResults;

/** The JSON read API, compatible with the Hugging Face paper API (see {@code docs/HF-API.md}). */
public final class ApiRoutes {
    private final Feed feed;
    private final PaperStore papers;
    private final PaperIndex index;
    private final ObjectMapper json;
    private final HfJson hf;
    private final PageCache cache;
    private final SiteUrl site;
    private final CommunityView community;
    private final Comments comments;

    /**
     * @param site      where the absolute {@code Link} of {@code /api/papers} points
     * @param community who submitted what ({@code submittedBy}, {@code submitter=})
     * @param comments  the discussion ({@code ?field=comments})
     */
    public ApiRoutes(Feed feed, PaperStore papers, PaperIndex index, ObjectMapper json, PageCache cache, SiteUrl site,
            CommunityView community, Comments comments) {
        this.community = community;
        this.comments = comments;
        this.cache = cache;
        this.site = site;
        this.feed = feed;
        this.papers = papers;
        this.index = index;
        this.json = json;
        this.hf = new HfJson(json);
    }

    public void addTo(RoutesConfig routes) {
        routes.get("/api/daily_papers", cache.of(this::dailyPapers));
        routes.get("/api/papers/search", this::search);
        routes.get("/api/papers", cache.of(this::listPapers));
        routes.get("/api/papers/<id>/related", cache.of(this::related));
        routes.get("/api/papers/<id>", cache.of(this::paper));
    }

    private void dailyPapers(Context ctx) {
        int page = Params.integer(ctx, "p", 0, 0, 100_000);
        int limit = Params.integer(ctx, "limit", 50, 1, 100);
        Feed.Sort sort = sort(Params.text(ctx, "sort"));
        Period period = period(ctx);
        String submitter = Params.text(ctx, "submitter");
        List<FeaturedPaper> list;
        if (submitter != null) {
            list = community.names().idNamed(submitter)
                    .map(member -> submittedBy(member, period, sort, page * limit, limit))
                    .orElse(List.of()); // nobody of that name: nothing they submitted
        } else {
            list = period == null
                    ? feed.all(sort, page * limit, limit)
                    : feed.list(period, sort, page * limit, limit).papers();
        }
        Marks marks = community.marks(list.stream().map(f -> f.paper().id()).toList(), null);
        ArrayNode body = json.createArrayNode();
        list.forEach(f -> body.add(hf.dailyItem(f, marks.submitters().get(f.paper().id()))));
        send(ctx, body);
    }

    /**
     * What a member submitted, as list items: each paper on the day it was submitted to, within
     * {@code period} (null: any), newest first or trending. A member submits a few papers a day at
     * most, so the whole of it is read and paged here.
     */
    private List<FeaturedPaper> submittedBy(long member, Period period, Feed.Sort sort, int offset, int limit) {
        List<Submission> submitted = community.submissionsBy(member).stream()
                .filter(s -> period == null || period.contains(s.day()))
                .toList();
        Map<ArxivId, Paper> found = papers.findAll(submitted.stream().map(Submission::paper).toList()).stream()
                .collect(java.util.stream.Collectors.toMap(Paper::id, p -> p));
        java.util.stream.Stream<FeaturedPaper> items = submitted.stream().filter(s -> found.containsKey(s.paper()))
                .map(s -> new FeaturedPaper(found.get(s.paper()), s.day(), s.at()));
        if (sort == Feed.Sort.TRENDING) {
            items = items.sorted(paperboy.feed.Trending.order(Instant.now()));
        }
        return items.skip(offset).limit(limit).toList();
    }

    private static Period period(Context ctx) {
        String date = Params.text(ctx, "date");
        String week = Params.text(ctx, "week");
        String month = Params.text(ctx, "month");
        int given = (date == null ? 0 : 1) + (week == null ? 0 : 1) + (month == null ? 0 : 1);
        if (given > 1) {
            throw HttpError.badRequest("give at most one of date, week and month");
        }
        if (date != null) {
            return Period.day(date);
        }
        if (week != null) {
            return Period.week(week);
        }
        return month == null ? null : Period.month(month);
    }

    private static Feed.Sort sort(String sort) {
        if (sort == null || sort.equals("publishedAt")) {
            return Feed.Sort.FEATURED_AT;
        }
        if (sort.equals("trending")) {
            return Feed.Sort.TRENDING;
        }
        throw HttpError.badRequest("sort must be publishedAt or trending");
    }

    private void paper(Context ctx) {
        Paper paper = stored(ctx.pathParam("id"));
        Marks marks = community.marks(paper.id(), null);
        ObjectNode body = hf.paperDetail(paper, papers.lastFeaturedAt(List.of(paper.id())).get(paper.id()),
                marks.submitters().get(paper.id()));
        if ("comments".equals(ctx.queryParam("field"))) {
            body.set("comments", hf.comments(Discussion.of(paper.id(), comments.of(paper.id()), community.names())));
        }
        send(ctx, body);
    }

    private void search(Context ctx) {
        String q = Params.text(ctx, "q");
        if (q == null) {
            throw HttpError.badRequest("q is required: the words to search for");
        }
        if (q.length() > SearchRequest.MAX_QUERY_LENGTH) {
            throw HttpError.badRequest("q must be at most " + SearchRequest.MAX_QUERY_LENGTH + " characters");
        }
        int limit = Params.integer(ctx, "limit", 50, 1, SearchRequest.MAX_LIMIT);
        int offset = Params.integer(ctx, "offset", 0, 0, 10_000);
        Optional<ArxivId> named = SearchParams.arxivId(q);
        if (named.isPresent()) {
            searchById(ctx, named.get(), offset);
            return;
        }
        SearchResults results = index.search(new SearchRequest(q, SearchParams.mode(ctx), SearchParams.filters(ctx),
                SearchParams.sort(ctx), offset, limit));
        ctx.header("X-Total-Count", Long.toString(results.total()));
        if (results.atLeast()) {
            ctx.header("X-Total-Count-Exact", "false"); // past 1,000 matches the count stops
        }
        ctx.header("X-Search-Mode", results.mode().label());
        if (results.notice() != null) {
            ctx.header("X-Search-Notice", ascii(results.notice()));
        }
        if (results.incomplete()) {
            ctx.header("X-Search-Incomplete", "true"); // out of time: what was found by then
        }
        sendPapers(ctx, results.hits().stream().map(SearchResults.Hit::id).toList(), true);
    }

    /** A query that is an arXiv id or link: that paper as the one result, or none when the index lacks it. */
    private void searchById(Context ctx, ArxivId id, int offset) {
        boolean found = papers.find(id).isPresent();
        ctx.header("X-Total-Count", found ? "1" : "0");
        ctx.header("X-Search-Mode", "id");
        if (!found) {
            ctx.header("X-Search-Notice", ascii(SearchParams.notInIndex(id)));
        }
        sendPapers(ctx, found && offset == 0 ? List.of(id) : List.of(), true);
    }

    /** The papers nearest in meaning to one paper: {@code /api/papers/{id}/related?limit=5}. */
    private void related(Context ctx) {
        ArxivId id = stored(ctx.pathParam("id")).id();
        int limit = Params.integer(ctx, "limit", 5, 1, 50);
        sendPapers(ctx, index.related(id, limit), false);
    }

    /**
     * The stored paper with this id. Text spelled like an id that arXiv never assigned
     * ({@code 1234.56789}) is a paper this index lacks, 404 as on Hugging Face; only text of
     * another shape is a 400 (through {@link paperboy.paper.InvalidArxivId}).
     */
    private Paper stored(String raw) {
        if (ArxivId.isUnassigned(raw)) {
            throw HttpError.notFound("no paper " + raw + " in this index (no arXiv id is spelled so)");
        }
        return papers.find(ArxivId.parse(raw))
                .orElseThrow(() -> HttpError.notFound("no paper " + raw + " in this index"));
    }

    /**
     * The papers in the given order: as daily-list items when {@code asItems} (what HF search
     * answers, and what {@code huggingface_hub}'s {@code list_papers} reads), else paper objects.
     */
    private void sendPapers(Context ctx, List<ArxivId> ids, boolean asItems) {
        List<Paper> found = papers.findAll(ids); // in the order of ids
        Map<ArxivId, Instant> featured = papers.lastFeaturedAt(ids);
        Map<ArxivId, Marks.Submitter> submitters = community.marks(ids, null).submitters();
        ArrayNode body = json.createArrayNode();
        for (Paper p : found) {
            Marks.Submitter by = submitters.get(p.id());
            body.add(asItems ? hf.item(p, featured.get(p.id()), by) : hf.paper(p, featured.get(p.id()), by));
        }
        send(ctx, body);
    }

    private static String ascii(String text) {
        return text.replace('“', '"').replace('”', '"').replace('’', '\'').replaceAll("[^\\x20-\\x7e]", "?");
    }

    private void listPapers(Context ctx) {
        int limit = Params.integer(ctx, "limit", 50, 1, 100);
        PaperStore.IndexCursor cursor = decode(Params.text(ctx, "cursor"));
        List<Paper> page = papers.newest(cursor, limit);
        if (page.size() == limit) {
            // Absolute: huggingface_hub's pager follows it as a URL of its own. The page cache keeps
            // answers per origin, so a cached one never carries another host's address.
            String next = "/api/papers?limit=" + limit + "&cursor=" + encode(PaperStore.IndexCursor.after(page.getLast()));
            ctx.header("Link", "<" + site.absolute(ctx, next) + ">; rel=\"next\"");
        }
        sendPapers(ctx, page.stream().map(Paper::id).toList(), false);
    }

    private static String encode(PaperStore.IndexCursor cursor) {
        String text = cursor.publishedMillis() + ":" + cursor.paperId();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static PaperStore.IndexCursor decode(String cursor) {
        if (cursor == null) {
            return null;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int colon = text.indexOf(':');
            return new PaperStore.IndexCursor(Long.parseLong(text.substring(0, colon)), text.substring(colon + 1));
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw HttpError.badRequest("cursor is not one this server handed out");
        }
    }

    private void send(Context ctx, Object body) {
        try {
            ctx.contentType("application/json").result(json.writeValueAsBytes(body));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
