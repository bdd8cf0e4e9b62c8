package paperboy.web.pages;

import java.util.List;

/**
 * A paper as a line of a list: title, shortened authors, the first lines of the abstract,
 * upvotes and categories. {@code href} is the paper's page. {@code featuredAutomatically} is true
 * when only the auto-feature rule put the paper on the list, which the card says.
 * {@code withdrawnOn} is the ISO day arXiv withdrew the paper, null while it is live.
 */
public record PaperCard(String id, String href, String title, String authors, String summaryStart,
        int upvotes, List<String> categories, String featuredDay, boolean featuredAutomatically,
        String withdrawnOn) {
    public boolean withdrawn() {
        return withdrawnOn != null;
    }
}
