package paperboy.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import paperboy.account.Role;
import paperboy.account.Visitors;
import paperboy.community.CommunityView;
import paperboy.community.Marks;
import paperboy.community.discussion.Comments;
import paperboy.community.discussion.Discussion;
import paperboy.feed.Period;
import paperboy.http.HttpError;
import paperboy.http.PageCache;
import paperboy.http.SiteUrl;
import paperboy.paper.ArxivId;
import paperboy.paper.Paper;
import paperboy.paper.PaperStore;
import paperboy.search.PaperIndex;
import paperboy.web.pages.Head;
import paperboy.web.pages.Link;
import paperboy.web.pages.PaperCommunity;
import paperboy.web.pages.PaperPage;
import paperboy.web.pages.Preview;

/** The page of one paper: {@code /papers/{arxivId}}, old-style ids with their slash included. */
final class PaperRoutes {
    static final int RELATED = 5;

    private final PaperStore papers;
    private final PaperIndex index;
    private final Pages pages;
    private final PageCache cache;
    private final SiteUrl site;
    private final CommunityView community;
    private final Comments comments;

    PaperRoutes(PaperStore papers, PaperIndex index, Pages pages, PageCache cache, SiteUrl site,
            CommunityView community, Comments comments) {
        this.community = community;
        this.comments = comments;
        this.site = site;
        this.papers = papers;
        this.index = index;
        this.pages = pages;
        this.cache = cache;
    }

    void addTo(RoutesConfig routes) {
        var page = cache.of(this::show);
        // Not cached: its links name the host it was asked on. <id> takes slashes, so the
        // suffix is read here rather than in the route.
        routes.get("/papers/<id>", ctx -> {
            if (ctx.pathParam("id").endsWith(".md")) {
                markdown(ctx);
            } else {
                page.handle(ctx);
            }
        });
    }

    /**
     * {@code /papers/{id}.md}: the page as Markdown. An unknown id is a 404, and so is text spelled
     * like an id that arXiv never assigned ({@code 1234.56789}), as on Hugging Face.
     */
    private void markdown(Context ctx) {
        String raw = ctx.pathParam("id");
        raw = raw.substring(0, raw.length() - ".md".length());
        if (ArxivId.isUnassigned(raw)) {
            throw HttpError.notFound("Paper " + raw + " is not in this index: arXiv has no paper of that number.");
        }
        ArxivId id = ArxivId.parse(raw);
        Paper p = papers.find(id).orElseThrow(() -> HttpError.notFound(
                "Paper " + id + " is not in this index. It may exist on arXiv: " + id.absUrl()));
        ctx.contentType("text/markdown; charset=utf-8")
                .result(PaperMarkdown.of(page(ctx, p), site.base(ctx)));
    }

    private void show(Context ctx) {
        String raw = ctx.pathParam("id");
        ArxivId id = ArxivId.parse(raw); // a malformed id is a 400 through Errors
        if (!id.value().equals(raw)) {
            ctx.redirect("/papers/" + id.value(), io.javalin.http.HttpStatus.MOVED_PERMANENTLY);
            return;
        }
        Paper p = papers.find(id).orElseThrow(() -> HttpError.notFound(
                "Paper " + id + " is not in this index. It may exist on arXiv: " + id.absUrl()));
        // Shared links preview with the title and the start of the abstract; the canonical address has no version.
        pages.render(ctx, "paper.jte", page(ctx, p), Head.sharedAt(site.absolute(ctx, "/papers/" + id.value()),
                new Preview(p.title(), Preview.description(p.summary()))));
    }

    private PaperPage page(Context ctx, Paper p) {
        List<Link> featured = papers.featuredDays(p.id()).stream()
                .map(day -> new Link(new Period.Day(day).label(), "/papers/" + new Period.Day(day).path()))
                .toList();
        List<Paper> related = papers.findAll(index.related(p.id(), RELATED));
        List<ArxivId> shown = java.util.stream.Stream.concat(java.util.stream.Stream.of(p), related.stream())
                .map(Paper::id).toList();
        Marks marks = Looking.marks(community, ctx, shown);
        return new PaperPage(p, featured, Bibtex.of(p), related.stream().map(r -> Cards.of(r, null, marks)).toList(),
                standing(ctx, p, marks));
    }

    private PaperCommunity standing(Context ctx, Paper p, Marks marks) {
        Long member = Looking.memberId(ctx);
        Discussion discussion = Discussion.of(p.id(), comments.of(p.id()), community.names());
        boolean moderator = Visitors.of(ctx).can(Role.MODERATOR);
        return new PaperCommunity(marks.submitters().get(p.id()), marks.upvoted(p.id()), discussion, member, moderator,
                member == null ? null : notice(ctx));
    }

    /** What the page says after a member's action that came back to it. */
    private static String notice(Context ctx) {
        if (ctx.queryParam("already") != null) {
            return "This paper was on a list already, so it is not listed again: your submission counts as your upvote.";
        }
        if (ctx.queryParam("reported") != null) {
            return "Thank you: the moderators will look at the comment you reported.";
        }
        return null;
    }
}
