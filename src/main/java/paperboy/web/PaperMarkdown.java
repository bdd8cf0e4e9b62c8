package paperboy.web;

import java.util.List;
import java.util.regex.Pattern;
import paperboy.paper.Paper;
import paperboy.web.pages.PaperCard;
import paperboy.web.pages.PaperPage;

/**
 * A paper's page as Markdown ({@code /papers/{id}.md}), what {@code huggingface_hub}'s
 * {@code read_paper} and {@code hf papers read} fetch: the same parts as the HTML page, in the
 * same order. Links are absolute ({@code base} is the server's own origin), since the text is
 * read away from this site. Text from the store is escaped so that a title or abstract cannot
 * turn into links, HTML or headings.
 */
final class PaperMarkdown {
    private static final Pattern SPECIAL = Pattern.compile("([\\\\`*_\\[\\]<>#|~])");

    private PaperMarkdown() {}

    static String of(PaperPage page, String base) {
        Paper p = page.paper();
        StringBuilder md = new StringBuilder("# ").append(text(p.title())).append("\n\n");
        if (page.withdrawn() != null) {
            md.append("> **Withdrawn on ").append(page.withdrawn()).append(".** arXiv no longer lists this paper.\n\n");
        }
        if (!p.authors().isEmpty()) {
            md.append("**Authors:** ").append(text(String.join(", ", p.authors()))).append("\n\n");
        }
        md.append("- arXiv: ").append(p.id().absUrl()).append('\n');
        md.append("- PDF: ").append(p.id().pdfUrl()).append('\n');
        line(md, "Code", p.links().githubRepo(), p.links().githubStars() == null ? "" : " (" + p.links().githubStars() + " stars)");
        line(md, "Project page", p.links().projectPage(), "");
        md.append("- Page: ").append(base).append("/papers/").append(p.id().value()).append("\n\n");
        if (!p.summary().isBlank()) {
            md.append("## Abstract\n\n").append(text(p.summary())).append("\n\n");
        }
        if (p.community().aiSummary() != null) {
            md.append("## Summary from Hugging Face\n\n").append(text(p.community().aiSummary())).append("\n\n");
            if (!p.community().aiKeywords().isEmpty()) {
                md.append("Keywords: ").append(text(String.join(", ", p.community().aiKeywords()))).append("\n\n");
            }
        }
        details(md, page, base);
        related(md, page.related(), base);
        if (page.bibtex() != null && !page.bibtex().isBlank()) {
            md.append("## Cite\n\n```bibtex\n").append(page.bibtex().replace("```", "'''")).append("\n```\n");
        }
        return md.toString();
    }

    private static void details(StringBuilder md, PaperPage page, String base) {
        Paper p = page.paper();
        md.append("## Details\n\n- arXiv id: ").append(p.id().value()).append('\n');
        line(md, "Published", page.published(), "");
        line(md, "Updated", page.updated(), "");
        if (!page.featuredOn().isEmpty()) {
            md.append("- Featured on: ").append(String.join(", ", page.featuredOn().stream()
                    .map(l -> l.enabled() ? "[" + text(l.label()) + "](" + base + l.href() + ")" : text(l.label()))
                    .toList())).append('\n');
        }
        if (!p.categories().isEmpty()) {
            md.append("- Categories: ").append(text(String.join(", ", p.categories()))).append('\n');
        }
        line(md, "DOI", p.bibliography().doi() == null ? null : "https://doi.org/" + p.bibliography().doi(), "");
        line(md, "Journal ref", text(p.bibliography().journalRef()), "");
        line(md, "Comments", text(p.bibliography().comments()), "");
        line(md, "Licence", text(p.bibliography().license()), "");
        md.append('\n');
    }

    private static void related(StringBuilder md, List<PaperCard> related, String base) {
        if (related.isEmpty()) {
            return;
        }
        md.append("## Related papers\n\n");
        for (PaperCard card : related) {
            md.append("- [").append(text(card.title())).append("](").append(base).append(card.href()).append(")");
            if (!card.authors().isBlank()) {
                md.append(", ").append(text(card.authors()));
            }
            md.append('\n');
        }
        md.append('\n');
    }

    private static void line(StringBuilder md, String name, String value, String after) {
        if (value != null) {
            md.append("- ").append(name).append(": ").append(value).append(after).append('\n');
        }
    }

    /** Store text as literal Markdown: special characters escaped, line breaks folded. */
    static String text(String s) {
        return s == null ? null : SPECIAL.matcher(s.replaceAll("\\s+", " ")).replaceAll("\\\\$1");
    }
}
