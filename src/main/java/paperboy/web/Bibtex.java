package paperboy.web;

import java.text.Normalizer;
import java.time.ZoneOffset;
import paperboy.paper.Paper;

/** A BibTeX {@code @misc} entry for a paper, in the form arXiv itself suggests (eprint, archivePrefix). */
final class Bibtex {
    private Bibtex() {}

    static String of(Paper p) {
        String year = p.publishedAt() == null ? null : Integer.toString(p.publishedAt().atZone(ZoneOffset.UTC).getYear());
        StringBuilder b = new StringBuilder("@misc{").append(key(p, year)).append(",\n");
        field(b, "title", "{" + escape(p.title()) + "}");
        field(b, "author", escape(String.join(" and ", p.authors())));
        field(b, "year", year);
        field(b, "eprint", p.id().value());
        field(b, "archivePrefix", "arXiv");
        field(b, "primaryClass", p.primaryCategory());
        field(b, "doi", p.bibliography().doi());
        field(b, "url", p.id().absUrl());
        b.setLength(b.length() - 2);
        return b.append("\n}").toString();
    }

    /** {@code lastnameYEARfirstword}, ASCII only, e.g. {@code huang2026envharness}. */
    private static String key(Paper p, String year) {
        String last = p.authors().isEmpty() ? "anon" : lastWord(p.authors().getFirst());
        String first = p.title().split("\\s+")[0];
        return ascii(last) + (year == null ? "" : year) + ascii(first);
    }

    private static String lastWord(String name) {
        String[] parts = name.strip().split("\\s+");
        return parts[parts.length - 1];
    }

    private static String ascii(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("[^A-Za-z0-9]", "").toLowerCase();
    }

    private static void field(StringBuilder b, String name, String value) {
        if (value != null && !value.isBlank()) {
            b.append("  ").append(name).append("={").append(value).append("},\n");
        }
    }

    private static String escape(String s) {
        return s.replace("\\", "\\textbackslash{}").replace("{", "\\{").replace("}", "\\}")
                .replace("&", "\\&").replace("%", "\\%").replace("#", "\\#");
    }
}
