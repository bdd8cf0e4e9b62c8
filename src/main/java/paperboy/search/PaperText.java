package paperboy.search;

import paperboy.paper.Paper;

/**
 * Decides what of a paper is embedded: the title, then the abstract, as one passage that the
 * {@link Embedder} cuts at its 256-wordpiece window (title and about the first 200 words of the
 * abstract). Whether averaging the vectors of overlapping windows over the whole abstract does
 * better is not measured yet: bench/EVAL-NOTES.md has the command that compares them.
 */
public final class PaperText {

    private PaperText() {
    }

    public static String of(Paper paper) {
        return of(paper.title(), paper.summary());
    }

    /** Title and abstract joined by a space, as BEIR joins {@code title} and {@code text}. */
    public static String of(String title, String summary) {
        String t = title == null ? "" : title.strip();
        String s = summary == null ? "" : summary.strip();
        return t.isEmpty() ? s : s.isEmpty() ? t : t + " " + s;
    }
}
