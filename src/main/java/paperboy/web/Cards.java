package paperboy.web;

import java.time.LocalDate;
import java.time.ZoneOffset;
import paperboy.paper.Excerpt;
import paperboy.paper.FeaturedPaper;
import paperboy.paper.Paper;
import paperboy.web.pages.PaperCard;

/** Turns papers into the cards lists show: shortened authors and the opening of the abstract. */
final class Cards {
    private Cards() {}

    static PaperCard of(Paper p, LocalDate featuredDay) {
        return of(p, featuredDay, false);
    }

    static PaperCard of(FeaturedPaper f) {
        return of(f.paper(), f.day(), f.automatic());
    }

    private static PaperCard of(Paper p, LocalDate featuredDay, boolean automatic) {
        return new PaperCard(p.id().value(), href(p), p.title(), Excerpt.authors(p.authors()),
                Excerpt.summaryStart(p.summary()), p.community().upvotes(), p.categories(),
                featuredDay == null ? null : featuredDay.toString(), automatic, withdrawnOn(p));
    }

    /** The UTC day arXiv withdrew the paper, as ISO text; null for a live paper. */
    private static String withdrawnOn(Paper p) {
        return p.withdrawn() ? LocalDate.ofInstant(p.withdrawnAt(), ZoneOffset.UTC).toString() : null;
    }

    static String href(Paper p) {
        return "/papers/" + p.id().value();
    }
}
