package paperboy.web.pages;

import java.util.List;

/**
 * A paper as a line of a list: title, shortened authors, the first lines of the abstract,
 * upvotes and categories. {@code href} is the paper's page.
 */
public record PaperCard(String id, String href, String title, String authors, String summaryStart,
        int upvotes, List<String> categories, String featuredDay) {}
