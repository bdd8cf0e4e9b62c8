package paperboy.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import paperboy.community.Marks;
import paperboy.community.discussion.Discussion;
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

    /** A {@code /api/daily_papers} item: the paper, and when and how it was featured, and by whom. */
    ObjectNode dailyItem(FeaturedPaper featured, Marks.Submitter submitter) {
        return item(featured.paper(), featured.featuredAt(), submitter);
    }

    /**
     * An item in the daily-list shape ({@code /api/daily_papers}, {@code /api/papers/search}).
     * The top-level {@code publishedAt} is when the paper was put on the list ({@code featuredAt},
     * null for a paper never featured, then left out), as in Hugging Face's answers of 2024 and
     * as {@code huggingface_hub} reads it ({@code submitted_at}); the arXiv date is
     * {@code paper.publishedAt}. See {@code docs/HF-API.md}.
     */
    ObjectNode item(Paper p, Instant featuredAt, Marks.Submitter submitter) {
        ObjectNode item = json.createObjectNode();
        item.set("paper", paper(p, featuredAt, submitter));
        if (featuredAt != null) {
            item.put("publishedAt", instant(featuredAt));
        }
        item.put("title", p.title());
        item.put("summary", p.summary());
        putIfPresent(item, "thumbnail", p.showcase().thumbnail());
        putMedia(item, p);
        item.put("numComments", p.community().totalComments());
        if (submitter != null) {
            item.set("submittedBy", user(submitter, false));
        }
        putOrganization(item, p);
        return item;
    }

    /**
     * {@code /api/papers/{id}}: the paper object with what Hugging Face adds there. Nothing links
     * models, datasets or Spaces to papers here, so those lists are empty and their counts 0.
     */
    ObjectNode paperDetail(Paper p, Instant featuredAt, Marks.Submitter submitter) {
        ObjectNode node = paper(p, featuredAt, submitter);
        node.put("numComments", p.community().totalComments());
        node.putArray("linkedModels");
        node.putArray("linkedDatasets");
        node.putArray("linkedSpaces");
        node.put("numTotalModels", 0);
        node.put("numTotalDatasets", 0);
        return node;
    }

    /**
     * The {@code paper} object shared by every endpoint; {@code submittedOnDailyAt} when the paper
     * was last put on a daily list (null: never). Its {@code discussionId} is the paper's id: a
     * paper's comments here are addressed by it ({@code /api/papers/{id}/comment}).
     */
    ObjectNode paper(Paper p, Instant submittedOnDailyAt, Marks.Submitter submitter) {
        ObjectNode node = json.createObjectNode();
        node.put("id", p.id().value());
        ArrayNode authors = node.putArray("authors");
        for (String name : p.authors()) {
            authors.addObject().put("name", name).put("hidden", false);
        }
        if (p.publishedAt() != null) {
            node.put("publishedAt", instant(p.publishedAt()));
        }
        if (submittedOnDailyAt != null) {
            node.put("submittedOnDailyAt", instant(submittedOnDailyAt));
        }
        if (submitter != null) {
            node.set("submittedOnDailyBy", user(submitter, true));
        }
        node.put("title", p.title());
        node.put("summary", p.summary());
        node.put("upvotes", p.community().totalUpvotes());
        node.put("discussionId", p.id().value());
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
        putIfPresent(node, "ai_summary_model", p.showcase().aiSummaryModel());
        putMedia(node, p);
        putOrganization(node, p);
        putArxivFacts(node, p);
        return node;
    }

    /**
     * A member in Hugging Face's user shape: {@code _id} (the member's number, as text), {@code name}
     * and {@code fullname} (the one public name members have here), {@code type}; in
     * {@code submittedOnDailyBy} also {@code user}, as Hugging Face has it. No avatar: there is none.
     */
    private ObjectNode user(Marks.Submitter submitter, boolean withUser) {
        ObjectNode user = json.createObjectNode();
        user.put("_id", Long.toString(submitter.memberId()));
        user.put("name", submitter.name());
        user.put("fullname", submitter.name());
        if (withUser) {
            user.put("user", submitter.name());
        }
        user.put("type", "user");
        return user;
    }

    /** {@code ?field=comments}: the paper's comments still shown, in the order written. */
    ArrayNode comments(Discussion discussion) {
        ArrayNode list = json.createArrayNode();
        for (Discussion.Thread thread : discussion.threads()) {
            addComment(list, thread.top());
            thread.replies().forEach(reply -> addComment(list, reply));
        }
        return list;
    }

    private void addComment(ArrayNode list, Discussion.Entry entry) {
        if (!entry.comment().visible()) {
            return;
        }
        list.add(comment(entry));
    }

    /** One comment: id, author, when, the member's Markdown ({@code raw}) and its sanitised HTML. */
    ObjectNode comment(Discussion.Entry entry) {
        var c = entry.comment();
        ObjectNode node = json.createObjectNode();
        node.put("id", Long.toString(c.id()));
        node.putObject("author").put("name", entry.author()).put("type", "user");
        node.put("createdAt", instant(c.createdAt()));
        if (c.parentId() != null) {
            node.put("parentCommentId", Long.toString(c.parentId()));
        }
        ObjectNode data = node.putObject("data");
        data.put("edited", c.editedAt() != null);
        data.put("hidden", false);
        data.putObject("latest").put("raw", c.body()).put("html", c.html());
        return node;
    }

    private static void putMedia(ObjectNode node, Paper p) {
        if (!p.showcase().mediaUrls().isEmpty()) {
            ArrayNode media = node.putArray("mediaUrls");
            p.showcase().mediaUrls().forEach(media::add);
        }
    }

    private static void putOrganization(ObjectNode node, Paper p) {
        Paper.Organization o = p.showcase().organization();
        if (o != null) {
            ObjectNode org = node.putObject("organization");
            putIfPresent(org, "_id", o.hfId());
            org.put("name", o.name());
            putIfPresent(org, "fullname", o.fullname());
            putIfPresent(org, "avatar", o.avatar());
        }
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
