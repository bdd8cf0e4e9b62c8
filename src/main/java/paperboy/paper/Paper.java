package paperboy.paper;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One arXiv work as Paperboy knows it: the bibliographic record plus what the community layer
 * carries (upvotes, links, summaries). Every source (daily-papers files, arXiv snapshot, OAI-PMH,
 * the arXiv API) is normalised into this one shape before it reaches the store.
 *
 * <p>Text fields are already clean (see {@link CleanText}); optional values are {@code null} when a
 * source has no data for them, and lists are empty rather than null.
 *
 * <p>{@code withdrawnAt} is when arXiv reported the paper deleted (an OAI-PMH record with
 * status="deleted", on the day of its datestamp); null for a live paper. Sources do not deliver it:
 * the store sets it ({@link PaperStore#markWithdrawn}) and keeps it through later upserts.
 */
public record Paper(
        ArxivId id,
        int version,
        String title,
        String summary,
        List<String> authors,
        List<String> categories,
        Instant publishedAt,
        Instant updatedAt,
        Bibliography bibliography,
        Links links,
        Community community,
        Instant withdrawnAt,
        Showcase showcase) {

    public Paper {
        Objects.requireNonNull(id, "id");
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("a paper needs a title");
        }
        summary = summary == null ? "" : summary;
        authors = List.copyOf(authors == null ? List.of() : authors);
        categories = List.copyOf(categories == null ? List.of() : categories);
        bibliography = bibliography == null ? Bibliography.NONE : bibliography;
        links = links == null ? Links.NONE : links;
        community = community == null ? Community.NONE : community;
        showcase = showcase == null ? Showcase.NONE : showcase;
    }

    /** A paper without a showcase, as the arXiv sources deliver it (with what the store knows of withdrawal). */
    public Paper(ArxivId id, int version, String title, String summary, List<String> authors,
                 List<String> categories, Instant publishedAt, Instant updatedAt, Bibliography bibliography,
                 Links links, Community community, Instant withdrawnAt) {
        this(id, version, title, summary, authors, categories, publishedAt, updatedAt, bibliography, links,
                community, withdrawnAt, Showcase.NONE);
    }

    /** A paper as a source delivers it: not known to be withdrawn. */
    public Paper(ArxivId id, int version, String title, String summary, List<String> authors,
                 List<String> categories, Instant publishedAt, Instant updatedAt, Bibliography bibliography,
                 Links links, Community community) {
        this(id, version, title, summary, authors, categories, publishedAt, updatedAt, bibliography, links,
                community, null, Showcase.NONE);
    }

    /** Whether arXiv has reported the paper deleted; the store keeps it, marked. */
    public boolean withdrawn() {
        return withdrawnAt != null;
    }

    /** The primary arXiv category, when the source named any. */
    public String primaryCategory() {
        return categories.isEmpty() ? null : categories.getFirst();
    }

    /** Journal-side facts from arXiv: each may be null. */
    public record Bibliography(String doi, String journalRef, String comments, String license) {
        public static final Bibliography NONE = new Bibliography(null, null, null, null);
    }

    /** Where the code and the project live, when known. */
    public record Links(String githubRepo, Integer githubStars, String projectPage) {
        public static final Links NONE = new Links(null, null, null);
    }

    /**
     * What a daily-papers community says of the paper: upvotes carried by the source, number of
     * comments there, and its machine summary and keywords when it had them; and what this site's
     * members added, their upvotes and visible comments, which only the store sets (sources
     * deliver 0). The imported counts stay the base the members' add to: {@link #totalUpvotes()}.
     */
    public record Community(int upvotes, int numComments, String aiSummary, List<String> aiKeywords,
            int memberUpvotes, int memberComments) {
        public static final Community NONE = new Community(0, 0, null, List.of());

        public Community {
            aiKeywords = List.copyOf(aiKeywords == null ? List.of() : aiKeywords);
        }

        /** As a source delivers it: nothing from this site's members. */
        public Community(int upvotes, int numComments, String aiSummary, List<String> aiKeywords) {
            this(upvotes, numComments, aiSummary, aiKeywords, 0, 0);
        }

        /** The upvotes lists rank by and pages show: imported plus members'. */
        public int totalUpvotes() {
            return upvotes + memberUpvotes;
        }

        /** The comments pages and the API count: imported plus members' visible ones. */
        public int totalComments() {
            return numComments + memberComments;
        }
    }

    /**
     * How a daily-papers site presented the paper: its thumbnail image, media (videos, figures),
     * the organisation it is filed under there, and the model that wrote its {@code ai_summary}.
     * All public facts about the paper; nothing here names a user.
     */
    public record Showcase(String thumbnail, List<String> mediaUrls, Organization organization, String aiSummaryModel) {
        public static final Showcase NONE = new Showcase(null, List.of(), null, null);

        public Showcase {
            mediaUrls = List.copyOf(mediaUrls == null ? List.of() : mediaUrls);
        }
    }

    /** An organisation on Hugging Face (a lab or company): its id there, handle, full name and logo. */
    public record Organization(String hfId, String name, String fullname, String avatar) {
        public Organization {
            Objects.requireNonNull(name, "an organisation needs a name");
        }
    }
}
