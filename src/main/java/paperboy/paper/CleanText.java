package paperboy.paper;

/** TODO(helper): text cleaning. */
public final class CleanText {
    private CleanText() {}

    public static String oneLine(String s) {
        return s == null ? null : s.strip().replaceAll("\\s+", " ");
    }

    public static String authorName(String s) {
        return oneLine(s);
    }
}
