package paperboy.paper;

import java.util.List;

/** How a paper is shown in a list (a page's cards, a digest mail): its authors shortened, the opening of its abstract. */
public final class Excerpt {
    public static final int AUTHORS_SHOWN = 4;
    public static final int SUMMARY_START = 320;

    private Excerpt() {}

    /** "A, B, C and 5 more" past {@link #AUTHORS_SHOWN} authors. */
    public static String authors(List<String> authors) {
        if (authors.size() <= AUTHORS_SHOWN) {
            return String.join(", ", authors);
        }
        int more = authors.size() - (AUTHORS_SHOWN - 1);
        return String.join(", ", authors.subList(0, AUTHORS_SHOWN - 1)) + " and " + more + " more";
    }

    /** The abstract up to about {@link #SUMMARY_START} characters, cut at a word. */
    public static String summaryStart(String summary) {
        if (summary.length() <= SUMMARY_START) {
            return summary;
        }
        int cut = summary.lastIndexOf(' ', SUMMARY_START);
        return summary.substring(0, cut > 0 ? cut : SUMMARY_START) + " …";
    }
}
