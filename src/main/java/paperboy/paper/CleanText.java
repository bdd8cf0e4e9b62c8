package paperboy.paper;

/** TODO(helper): text cleaning. */
public final class CleanText {
    private CleanText() {}

    public static String oneLine(String s) {
        return s == null ? null : s.strip().replaceAll("\\s+", " ");
    }

    /** STUB for the harvest branch: the full version turns LaTeX accents into Unicode. */
    public static String authorName(String s) {
        return oneLine(s);
    }
}
