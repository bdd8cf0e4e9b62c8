package paperboy.harvest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits an arXiv author string ("A. Smith, B. Jones, and C. Wu (MIT, Cambridge)") into names: at
 * commas and " and " outside parentheses, keeping suffixes such as "Jr." with the name before.
 */
final class AuthorList {
    private static final Pattern SUFFIX = Pattern.compile("(?i)(jr|sr)\\.?|ii|iii|iv");

    private AuthorList() {}

    static List<String> split(String authors) {
        if (authors == null || authors.isBlank()) {
            return List.of();
        }
        String s = authors.strip().replaceAll("\\s+", " ");
        List<String> names = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth = Math.max(0, depth - 1);
            } else if (depth == 0 && c == ',') {
                add(names, s.substring(start, i));
                start = i + 1;
            } else if (depth == 0 && s.startsWith(" and ", i)) {
                add(names, s.substring(start, i));
                start = i + " and ".length();
                i = start - 1;
            }
        }
        add(names, s.substring(start));
        return names;
    }

    private static void add(List<String> names, String piece) {
        String name = piece.strip();
        if (name.startsWith("and ")) {
            name = name.substring(4).strip();
        }
        if (name.isEmpty()) {
            return;
        }
        if (SUFFIX.matcher(name).matches() && !names.isEmpty()) {
            names.set(names.size() - 1, names.getLast() + ", " + name);
        } else {
            names.add(name);
        }
    }
}
