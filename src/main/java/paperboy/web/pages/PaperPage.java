package paperboy.web.pages;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import paperboy.paper.Paper;

/**
 * The whole record of one paper ({@code /papers/{id}}): the paper as the store has it, plus what
 * the page adds, the days it was featured, its BibTeX entry and the papers nearest in meaning
 * (empty without vectors), and what the community adds (submitter, upvote, discussion). The paper's own fields come from its record and not one by one, so no
 * two of them can be swapped, and the parts added here each have a type of their own.
 */
public record PaperPage(Paper paper, List<Link> featuredOn, String bibtex, List<PaperCard> related,
        PaperCommunity community) {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    /** When arXiv first published it, e.g. "21 August 2026"; null when unknown. */
    public String published() {
        return date(paper.publishedAt());
    }

    /** When arXiv last updated it; null when unknown. */
    public String updated() {
        return date(paper.updatedAt());
    }

    /** The day arXiv withdrew it; null while it is live. */
    public String withdrawn() {
        return date(paper.withdrawnAt());
    }

    private static String date(Instant instant) {
        return instant == null ? null : DATE.format(instant);
    }
}
