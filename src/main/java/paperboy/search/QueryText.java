package paperboy.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a user typed, split into its parts before Lucene parses it: {@code cat:} terms become
 * category filters; {@code title:}, {@code author:} and {@code abstract:} terms become required
 * (so {@code author:hinton attention} means papers by Hinton about attention); the remaining
 * plain words and phrases are the text whose meaning semantic search looks for. A slash is an
 * ordinary character ({@link #ordinarySlashes}): there is no regular-expression syntax.
 *
 * @param keyword    the query for Lucene's parser, field names mapped to the index's fields
 * @param meaning    the plain words and phrases, for the embedder (empty when there are none)
 * @param categories the {@code cat:} values, lower case
 */
record QueryText(String keyword, String meaning, List<String> categories) {
    private static final Map<String, String> FIELDS = Map.of(
            "title", PaperDocuments.TITLE,
            "author", PaperDocuments.AUTHORS,
            "authors", PaperDocuments.AUTHORS,
            "abstract", PaperDocuments.SUMMARY,
            "summary", PaperDocuments.SUMMARY);
    private static final List<String> CATEGORY_FIELDS = List.of("cat", "category");
    private static final List<String> OPERATORS = List.of("AND", "OR", "NOT", "&&", "||");

    static QueryText of(String text) {
        List<String> keyword = new ArrayList<>();
        List<String> meaning = new ArrayList<>();
        List<String> categories = new ArrayList<>();
        for (String token : tokens(text)) {
            String sign = token.startsWith("-") || token.startsWith("+") ? token.substring(0, 1) : "";
            String body = token.substring(sign.length());
            int colon = body.indexOf(':');
            String field = colon > 0 ? body.substring(0, colon).toLowerCase(Locale.ROOT) : null;
            if (field != null && CATEGORY_FIELDS.contains(field) && !sign.equals("-")) {
                categories.add(unquote(body.substring(colon + 1)).toLowerCase(Locale.ROOT));
            } else if (field != null && FIELDS.containsKey(field)) {
                keyword.add((sign.isEmpty() ? "+" : sign) + FIELDS.get(field) + body.substring(colon));
            } else if (field != null && CATEGORY_FIELDS.contains(field)) {
                keyword.add("-" + PaperDocuments.CATEGORY + body.substring(colon));
            } else {
                keyword.add(token);
                if (!sign.equals("-") && !OPERATORS.contains(body)) {
                    meaning.add(unquote(body).replaceAll("[()]", " ").strip());
                }
            }
        }
        return new QueryText(ordinarySlashes(String.join(" ", keyword)),
                String.join(" ", meaning).replaceAll("\\s+", " ").strip(), List.copyOf(categories));
    }

    /**
     * {@code text} with every slash escaped, so Lucene's parser reads it as a character and not as
     * the start of a regular expression: people type {@code TCP/IP}, {@code 1/2000} and
     * {@code online / offline}, never regular expressions, and a regular expression can build an
     * automaton that holds a core for minutes. A slash the user escaped stays as it was.
     */
    static String ordinarySlashes(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                out.append(c).append(text.charAt(++i));
            } else {
                out.append(c == '/' ? "\\/" : String.valueOf(c));
            }
        }
        return out.toString();
    }

    /** Splits at white space outside double quotes. */
    private static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            }
            if (Character.isWhitespace(c) && !quoted) {
                if (!current.isEmpty()) {
                    tokens.add(current.toString());
                    current.setLength(0);
                }
            } else {
                current.append(c);
            }
        }
        if (!current.isEmpty()) {
            tokens.add(current.toString());
        }
        return tokens;
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s.replace("\"", "");
    }
}
