package paperboy.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import paperboy.paper.FeaturedPaper;
import paperboy.paper.Paper;

/**
 * Writes papers in the shapes of the Hugging Face paper API ({@code docs/HF-API.md}), so clients
 * written for it work here. Fields Paperboy has no data for are left out, never invented.
 */
final class HfJson {
    private static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(java.time.ZoneOffset.UTC);

    private final ObjectMapper json;

    HfJson(ObjectMapper json) {
        this.json = json;
    }

    /** A {@code /api/daily_papers} item: the paper, and when and how it was featured. */
    ObjectNode dailyItem(FeaturedPaper featured) {
        Paper p = featured.paper();
        ObjectNode paper = paper(p);
        paper.put("submittedOnDailyAt", instant(featured.featuredAt()));
        ObjectNode item = json.createObjectNode();
        item.set("paper", paper);
        item.put("publishedAt", instant(featured.featuredAt()));
        item.put("title", p.title());
        item.put("summary", p.summary());
        item.put("numComments", p.community().numComments());
        return item;
    }

    /** The {@code paper} object shared by every endpoint. */
    ObjectNode paper(Paper p) {
        ObjectNode node = json.createObjectNode();
        node.put("id", p.id().value());
        ArrayNode authors = node.putArray("authors");
        for (String name : p.authors()) {
            authors.addObject().put("name", name).put("hidden", false);
        }
        if (p.publishedAt() != null) {
            node.put("publishedAt", instant(p.publishedAt()));
        }
        node.put("title", p.title());
        node.put("summary", p.summary());
        node.put("upvotes", p.community().upvotes());
        putIfPresent(node, "projectPage", p.links().projectPage());
        putIfPresent(node, "githubRepo", p.links().githubRepo());
        if (p.links().githubStars() != null) {
            node.put("githubStars", p.links().githubStars());
        }
        putIfPresent(node, "ai_summary", p.community().aiSummary());
        if (!p.community().aiKeywords().isEmpty()) {
            ArrayNode keywords = node.putArray("ai_keywords");
            p.community().aiKeywords().forEach(keywords::add);
        }
        putArxivFacts(node, p);
        return node;
    }

    /** Paperboy's own additions, named so they cannot clash with Hugging Face fields. */
    private static void putArxivFacts(ObjectNode node, Paper p) {
        if (!p.categories().isEmpty()) {
            ArrayNode categories = node.putArray("categories");
            p.categories().forEach(categories::add);
        }
        putIfPresent(node, "doi", p.bibliography().doi());
        putIfPresent(node, "journalRef", p.bibliography().journalRef());
        putIfPresent(node, "arxivComments", p.bibliography().comments());
        putIfPresent(node, "license", p.bibliography().license());
        if (p.withdrawn()) {
            node.put("withdrawnAt", instant(p.withdrawnAt()));
        }
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    static String instant(Instant instant) {
        return INSTANT.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }
}
