package paperboy.paper;

import java.text.Normalizer;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cleans the text fields of arXiv metadata before they become a {@link Paper}: titles and abstracts
 * arrive hard-wrapped ("and\n  LHC energies"), author names and titles carry LaTeX accent escapes
 * ({@code Bal\'azs}). Pure functions, so every source can share them.
 */
public final class CleanText {

    // Every Unicode space and line break (NBSP, em space, U+2028 …) plus the ASCII separators that
    // Java counts as whitespace, so that nothing a reader would see as blank survives.

    // Accent commands and the combining mark each one stands for.
    private static final Map<String, String> ACCENTS = Map.ofEntries(
            Map.entry("'", "\u0301"), Map.entry("`", "\u0300"), Map.entry("^", "\u0302"),
            Map.entry("\"", "\u0308"), Map.entry("~", "\u0303"), Map.entry("=", "\u0304"),
            Map.entry(".", "\u0307"), Map.entry("u", "\u0306"), Map.entry("v", "\u030C"),
            Map.entry("H", "\u030B"), Map.entry("c", "\u0327"), Map.entry("k", "\u0328"),
            Map.entry("r", "\u030A"), Map.entry("d", "\u0323"), Map.entry("b", "\u0331"));

    // Letters LaTeX spells as commands. An accent on \i or \j goes on the dotted letter: \'\i is í.
    private static final Map<String, String> LETTERS = Map.ofEntries(
            Map.entry("ss", "ß"), Map.entry("o", "ø"), Map.entry("O", "Ø"), Map.entry("aa", "å"),
            Map.entry("AA", "Å"), Map.entry("ae", "æ"), Map.entry("AE", "Æ"), Map.entry("oe", "œ"),
            Map.entry("OE", "Œ"), Map.entry("l", "ł"), Map.entry("L", "Ł"), Map.entry("i", "ı"),
            Map.entry("j", "ȷ"));

    // The lookahead keeps \l from eating \lambda and \i from eating \in.
    private static final String LETTER = "\\\\(?:ss|aa|AA|ae|AE|oe|OE|o|O|l|L|i|j)(?![A-Za-z])";
    private static final String BASE = "[A-Za-z]|" + LETTER;
    // Maths comes first so that a $...$ span is skipped whole; after an accent named by a letter
    // (\v, \H) TeX needs a space or a brace, which keeps \vec and \Huge out.
    private static final Pattern ESCAPE = Pattern.compile(
            "(?<math>(?<!\\\\)\\$[^$]*(?<!\\\\)\\$)"
            + "|\\\\(?:(?<symbol>[`'^\"~=.])\\s*|(?<word>[uvHckrdb])(?:\\s+|(?=\\{)))"
            + "(?:\\{\\s*(?<braced>" + BASE + ")\\s*}|(?<bare>" + BASE + "))"
            + "|(?<letter>" + LETTER + ")(?:\\{})?");

    private CleanText() {}

    /** The text on one line: trimmed, every run of whitespace or line breaks a single space. */
    public static String oneLine(String s) {
        if (s == null) {
            return null;
        }
        if (isOneLine(s)) {
            return s;
        }
        // A hand loop rather than a regex: this runs on every title and abstract of a bulk import
        // and of a harvest. Words are copied a run at a time (getChars is a bulk copy; a
        // StringBuilder appends a String's range char by char).
        char[] out = new char[s.length()];
        int length = 0;
        int i = 0;
        while (i < s.length()) {
            while (i < s.length() && isSpace(s.charAt(i))) {
                i++;
            }
            int word = i;
            while (i < s.length() && !isSpace(s.charAt(i))) {
                i++;
            }
            if (i > word) {
                if (length > 0) {
                    out[length++] = ' ';
                }
                s.getChars(word, i, out, length);
                length += i - word;
            }
        }
        return new String(out, 0, length);
    }

    /** Already trimmed, with single plain spaces only. */
    private static boolean isOneLine(String s) {
        int last = s.length() - 1;
        for (int i = 0; i <= last; i++) {
            char c = s.charAt(i);
            if (isSpace(c) && (c != ' ' || i == 0 || i == last || s.charAt(i - 1) == ' ')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isSpace(char c) {
        if (c <= ' ') {
            return c == ' ' || (c >= '\t' && c <= '\r') || (c >= '\u001C' && c <= '\u001F');
        }
        // Printable ASCII, nearly every character of a title or abstract, is never a space: decided
        // here without the two Unicode table look-ups below (they showed in import profiles).
        return c >= '\u0080' && (Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085');
    }

    /**
     * The text with LaTeX accent escapes and letter commands turned into Unicode letters (NFC).
     * Maths and unknown commands are left as they are: a title's {@code $\Lambda_{\alpha}$} must
     * reach the page intact.
     */
    public static String latexToUnicode(String s) {
        // Stacked escapes (\'\'v) only resolve one layer a pass; repeat until nothing changes.
        String current = s;
        for (int pass = 0; pass < 4; pass++) {
            String next = convertOnce(current);
            if (next == null || next.equals(current)) {
                return next;
            }
            current = next;
        }
        return current;
    }

    private static String convertOnce(String s) {
        if (s == null || s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        Matcher m = ESCAPE.matcher(s);
        int done = 0;
        while (m.find()) {
            int start = m.start();
            int end = m.end();
            String replacement = m.group("math") != null ? m.group() : convert(m);
            // {\'a} and G{\"o}del: braces that only group the escaped letter go with it.
            if (m.group("math") == null && isGroupingBrace(s, start - 1, done) && end < s.length()
                    && s.charAt(end) == '}') {
                start--;
                end++;
            }
            out.append(s, done, start).append(replacement);
            done = end;
        }
        return out.append(s, done, s.length()).toString();
    }

    /** An author name as it should be shown: escapes converted, on one line. */
    public static String authorName(String s) {
        return oneLine(latexToUnicode(s));
    }

    private static String convert(Matcher m) {
        if (m.group("letter") != null) {
            return LETTERS.get(m.group("letter").substring(1));
        }
        String accent = m.group("symbol") != null ? m.group("symbol") : m.group("word");
        String base = m.group("braced") != null ? m.group("braced") : m.group("bare");
        if (base.startsWith("\\")) {
            String name = base.substring(1);
            base = name.equals("i") || name.equals("j") ? name : LETTERS.get(name);
        }
        return Normalizer.normalize(base + ACCENTS.get(accent), Normalizer.Form.NFC);
    }

    /** A '{' at {@code i} that is not escaped (\{) and not the argument of a command (\emph{). */
    private static boolean isGroupingBrace(String s, int i, int notBefore) {
        if (i < notBefore || s.charAt(i) != '{') {
            return false;
        }
        int j = i - 1;
        while (j >= 0 && Character.isLetter(s.charAt(j))) {
            j--;
        }
        return j < 0 || s.charAt(j) != '\\';
    }
}
