package paperboy.web;

import java.time.LocalDate;
import java.time.ZoneOffset;
import paperboy.paper.Excerpt;
import java.util.List;
import paperboy.community.Marks;
import paperboy.paper.FeaturedPaper;
import paperboy.paper.Paper;
import paperboy.web.pages.PaperCard;

/** Turns papers into the cards lists show: shortened authors and the opening of the abstract. */
final class Cards {
    private Cards() {}

    static PaperCard of(Paper p, LocalDate featuredDay, Marks marks) {
        return of(p, featuredDay, false, marks);
    }

    static PaperCard of(FeaturedPaper f, Marks marks) {
        return of(f.paper(), f.day(), f.automatic(), marks);
    }

    private static PaperCard of(Paper p, LocalDate featuredDay, boolean automatic, Marks marks) {
        return new PaperCard(p.id().value(), href(p), p.title(), Excerpt.authors(p.authors()),
                Excerpt.summaryStart(p.summary()), p.community().totalUpvotes(), p.categories(),
                featuredDay == null ? null : featuredDay.toString(), automatic, withdrawnOn(p),
                marks.submittedBy(p.id()), p.community().totalComments(), marks.upvoted(p.id()));
    }

    /** The UTC day arXiv withdrew the paper, as ISO text; null for a live paper. */
    private static String withdrawnOn(Paper p) {
        return p.withdrawn() ? LocalDate.ofInstant(p.withdrawnAt(), ZoneOffset.UTC).toString() : null;
    }

    static String href(Paper p) {
        return "/papers/" + p.id().value();
    }
}
