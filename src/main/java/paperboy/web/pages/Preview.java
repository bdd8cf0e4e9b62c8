package paperboy.web.pages;

/**
 * How a link to a page shows when pasted in a chat or post (OpenGraph, Twitter card): a title and
 * a description short enough for a preview ({@code null} when there is none).
 */
public record Preview(String title, String description) {
    /** Previews show two or three lines: Twitter cuts descriptions at 200 characters, so do we. */
    static final int MAX_DESCRIPTION = 200;

    /** {@code text} on one line, cut at the last word that fits with an ellipsis; null when blank. */
    public static String description(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String line = text.strip().replaceAll("\\s+", " ");
        if (line.length() <= MAX_DESCRIPTION) {
            return line;
        }
        String cut = line.substring(0, MAX_DESCRIPTION - 1);
        int space = cut.lastIndexOf(' ');
        if (space > MAX_DESCRIPTION / 2) {
            cut = cut.substring(0, space);
        }
        if (Character.isLowSurrogate(line.charAt(cut.length())) && Character.isHighSurrogate(cut.charAt(cut.length() - 1))) {
            cut = cut.substring(0, cut.length() - 1); // never split a character outside the BMP
        }
        return cut.replaceAll("[\\s,;:.]+$", "") + "…";
    }
}
