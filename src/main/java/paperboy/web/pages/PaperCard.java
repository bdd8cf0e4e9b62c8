package paperboy.web.pages;

import java.util.List;

/**
 * A paper as a line of a list: title, shortened authors, the first lines of the abstract,
 * upvotes (imported plus members') and categories. {@code href} is the paper's page.
 * {@code featuredAutomatically} is true when only the auto-feature rule put the paper on the list,
 * which the card says. {@code withdrawnOn} is the ISO day arXiv withdrew the paper, null while it
 * is live. {@code submittedBy} names the member who put it on the list (null: nobody did);
 * {@code comments} counts its comments; {@code upvoted} is true when the member looking upvoted it.
 */
public record PaperCard(String id, String href, String title, String authors, String summaryStart,
        int upvotes, List<String> categories, String featuredDay, boolean featuredAutomatically,
        String withdrawnOn, String submittedBy, int comments, boolean upvoted) {
    public boolean withdrawn() {
        return withdrawnOn != null;
    }

    /** This card as the member looking sees it: {@code upvoted} when it is their upvote. */
    public PaperCard withUpvoted(boolean upvoted) {
        return new PaperCard(id, href, title, authors, summaryStart, upvotes, categories, featuredDay,
                featuredAutomatically, withdrawnOn, submittedBy, comments, upvoted);
    }

    /** The card's HTML id: the arXiv id with an old-style id's slash replaced. */
    public String anchor() {
        return "paper-" + id.replace('/', '-');
    }
}
