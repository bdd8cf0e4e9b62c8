package paperboy.paper;

/**
 * How a paper already in the store and a newly delivered record of it become one: the newer arXiv
 * version wins for the bibliographic fields, but a field the newcomer lacks never erases what the
 * store knew (daily-papers files carry no categories, the arXiv snapshot carries no upvotes), and
 * upvotes only grow. A paper once withdrawn stays withdrawn, from the first report.
 */
final class PaperMerge {
    private PaperMerge() {}

    static Paper merge(Paper stored, Paper incoming) {
        boolean incomingWins = incoming.version() >= stored.version();
        Paper first = incomingWins ? incoming : stored;
        Paper second = incomingWins ? stored : incoming;
        return new Paper(
                stored.id(),
                Math.max(stored.version(), incoming.version()),
                first.title(),
                first.summary().isEmpty() ? second.summary() : first.summary(),
                first.authors().isEmpty() ? second.authors() : first.authors(),
                first.categories().isEmpty() ? second.categories() : first.categories(),
                earliest(stored.publishedAt(), incoming.publishedAt()),
                either(first.updatedAt(), second.updatedAt()),
                bibliography(first.bibliography(), second.bibliography()),
                links(incoming.links(), stored.links()),
                community(incoming.community(), stored.community()),
                earliest(stored.withdrawnAt(), incoming.withdrawnAt()),
                showcase(incoming.showcase(), stored.showcase()));
    }

    private static Paper.Bibliography bibliography(Paper.Bibliography a, Paper.Bibliography b) {
        return new Paper.Bibliography(
                either(a.doi(), b.doi()),
                either(a.journalRef(), b.journalRef()),
                either(a.comments(), b.comments()),
                either(a.license(), b.license()));
    }

    private static Paper.Links links(Paper.Links a, Paper.Links b) {
        return new Paper.Links(
                either(a.githubRepo(), b.githubRepo()),
                either(a.githubStars(), b.githubStars()),
                either(a.projectPage(), b.projectPage()));
    }

    private static Paper.Community community(Paper.Community a, Paper.Community b) {
        return new Paper.Community(
                Math.max(a.upvotes(), b.upvotes()),
                Math.max(a.numComments(), b.numComments()),
                either(a.aiSummary(), b.aiSummary()),
                a.aiKeywords().isEmpty() ? b.aiKeywords() : a.aiKeywords(),
                // members' counts are the store's own: only community writes change them
                Math.max(a.memberUpvotes(), b.memberUpvotes()),
                Math.max(a.memberComments(), b.memberComments()));
    }

    /** The newest delivery's showcase, each part it lacks kept from before (the arXiv sources have none). */
    private static Paper.Showcase showcase(Paper.Showcase a, Paper.Showcase b) {
        return new Paper.Showcase(
                either(a.thumbnail(), b.thumbnail()),
                a.mediaUrls().isEmpty() ? b.mediaUrls() : a.mediaUrls(),
                either(a.organization(), b.organization()),
                either(a.aiSummaryModel(), b.aiSummaryModel()));
    }

    private static <T> T either(T preferred, T fallback) {
        return preferred != null ? preferred : fallback;
    }

    private static java.time.Instant earliest(java.time.Instant a, java.time.Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isBefore(b) ? a : b;
    }
}
