package paperboy.web.pages;

import java.util.List;

/**
 * The whole record of one paper ({@code /papers/{id}}). Optional values are null when unknown;
 * lists are empty. Dates are already formatted for display; {@code withdrawn} is the day arXiv
 * withdrew the paper, null while it is live. {@code related} holds the papers nearest in meaning
 * (empty without vectors).
 */
public record PaperPage(
        String id,
        String title,
        List<String> authors,
        String summary,
        String absUrl,
        String pdfUrl,
        String published,
        String updated,
        String withdrawn,
        List<Link> featuredOn,
        List<String> categories,
        String doi,
        String journalRef,
        String comments,
        String license,
        String githubRepo,
        Integer githubStars,
        String projectPage,
        String aiSummary,
        List<String> aiKeywords,
        int upvotes,
        String bibtex,
        List<PaperCard> related) {}
