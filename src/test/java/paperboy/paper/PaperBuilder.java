package paperboy.paper;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Test data: a {@link Paper} with sensible defaults, changed one field at a time, e.g.
 * {@code paper("2608.00001").upvotes(5).featuredOn("2026-08-21")}.
 */
public final class PaperBuilder {
    private final ArxivId id;
    private int version = 1;
    private String title;
    private String summary = "An abstract.";
    private List<String> authors = List.of("Ada Lovelace");
    private List<String> categories = List.of();
    private Instant publishedAt;
    private Instant updatedAt;
    private Paper.Bibliography bibliography = Paper.Bibliography.NONE;
    private Paper.Links links = Paper.Links.NONE;
    private int upvotes;
    private int numComments;
    private String aiSummary;
    private List<String> aiKeywords = List.of();
    private Paper.Showcase showcase = Paper.Showcase.NONE;

    private PaperBuilder(String id) {
        this.id = ArxivId.parse(id);
        this.title = "Paper " + id;
    }

    public static PaperBuilder paper(String id) {
        return new PaperBuilder(id);
    }

    /** A paper as the arXiv snapshot delivers it: categories and bibliography, no community data. */
    public static PaperBuilder fromArxiv(String id) {
        return paper(id).categories("cs.CL", "cs.LG").doi("10.1000/" + id).published("2026-08-01");
    }

    /** A paper as a daily-papers file delivers it: upvotes and links, no categories. */
    public static PaperBuilder fromDailyPapers(String id) {
        return paper(id).upvotes(10).githubRepo("https://github.com/example/" + id).aiKeywords("agents");
    }

    public PaperBuilder version(int v) { version = v; return this; }
    public PaperBuilder title(String t) { title = t; return this; }
    public PaperBuilder summary(String s) { summary = s; return this; }
    public PaperBuilder authors(String... names) { authors = List.of(names); return this; }
    public PaperBuilder categories(String... cats) { categories = List.of(cats); return this; }
    public PaperBuilder published(String day) { publishedAt = day == null ? null : startOf(day); return this; }
    public PaperBuilder publishedAt(Instant at) { publishedAt = at; return this; }
    public PaperBuilder updated(String day) { updatedAt = startOf(day); return this; }
    public PaperBuilder doi(String doi) {
        bibliography = new Paper.Bibliography(doi, bibliography.journalRef(), bibliography.comments(),
                bibliography.license());
        return this;
    }
    public PaperBuilder githubRepo(String repo) {
        links = new Paper.Links(repo, links.githubStars(), links.projectPage());
        return this;
    }
    public PaperBuilder githubStars(Integer stars) {
        links = new Paper.Links(links.githubRepo(), stars, links.projectPage());
        return this;
    }
    public PaperBuilder upvotes(int n) { upvotes = n; return this; }
    public PaperBuilder numComments(int n) { numComments = n; return this; }
    public PaperBuilder aiSummary(String s) { aiSummary = s; return this; }
    public PaperBuilder aiKeywords(String... words) { aiKeywords = List.of(words); return this; }

    public PaperBuilder showcase(Paper.Showcase s) { showcase = s; return this; }

    public Paper build() {
        return new Paper(id, version, title, summary, authors, categories, publishedAt, updatedAt, bibliography,
                links, new Paper.Community(upvotes, numComments, aiSummary, aiKeywords), null, showcase);
    }

    /** The paper delivered without a featured day (as the arXiv snapshot does). */
    public PaperUpdate update() {
        return PaperUpdate.of(build());
    }

    /** The paper featured on {@code day} (ISO date), at the start of that day (UTC). */
    public PaperUpdate featuredOn(String day) {
        return new PaperUpdate(build(), LocalDate.parse(day), null);
    }

    /** The paper featured on {@code day} at a given moment, for ordering by featured time. */
    public PaperUpdate featuredOn(String day, String instant) {
        return new PaperUpdate(build(), LocalDate.parse(day), Instant.parse(instant));
    }

    private static Instant startOf(String day) {
        return LocalDate.parse(day).atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
