package paperboy.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.List;
import paperboy.account.Member;
import paperboy.account.Visitors;
import paperboy.community.Marks;
import paperboy.community.Participation;
import paperboy.community.Submitting;
import paperboy.community.Vote;
import paperboy.community.discussion.Comment;
import paperboy.community.discussion.Discussion;
import paperboy.http.HttpError;
import paperboy.paper.ArxivId;
import paperboy.paper.PaperStore;

/**
 * The API's write calls, for programs holding a member's token ({@code Authorization: Bearer}):
 * comment as Hugging Face has it ({@code POST /api/papers/{id}/comment}, {@code {"comment": "..."}}),
 * submit ({@code POST /api/papers/index}, {@code {"arxivId": "..."}}), and upvote
 * ({@code POST} / {@code DELETE /api/papers/{id}/upvote}). The same rules and limits as the pages;
 * errors are JSON.
 */
public final class CommunityApiRoutes {
    private final Participation community;
    private final PaperStore papers;
    private final ObjectMapper json;
    private final HfJson hf;

    public CommunityApiRoutes(Participation community, PaperStore papers, ObjectMapper json) {
        this.community = community;
        this.papers = papers;
        this.json = json;
        this.hf = new HfJson(json);
    }

    public void addTo(RoutesConfig routes) {
        routes.post("/api/papers/index", this::submit);
        routes.post("/api/papers/<id>/comment", this::comment);
        routes.post("/api/papers/<id>/upvote", ctx -> upvote(ctx, true));
        routes.delete("/api/papers/<id>/upvote", ctx -> upvote(ctx, false));
    }

    private Member writer(Context ctx) {
        Member member = Visitors.requireMember(ctx);
        community.writes().takeOrRefuse("member:" + member.id());
        return member;
    }

    private void submit(Context ctx) {
        Member member = writer(ctx);
        ArxivId id = ArxivId.parse(text(body(ctx), "arxivId"));
        Submitting.Outcome outcome = community.submitting().submit(member.id(), id);
        Marks marks = community.view().marks(id, member.id());
        ObjectNode answer = json.createObjectNode();
        answer.put("listed", outcome instanceof Submitting.Outcome.Listed);
        answer.set("paper", hf.paper(outcome.paper(), papers.lastFeaturedAt(List.of(id)).get(id),
                marks.submitters().get(id)));
        ctx.status(outcome instanceof Submitting.Outcome.Listed ? 201 : 200);
        send(ctx, answer);
    }

    private void comment(Context ctx) {
        Member member = writer(ctx);
        ArxivId paper = ArxivId.parse(ctx.pathParam("id"));
        JsonNode body = body(ctx);
        Long parent = body.hasNonNull("parentCommentId") ? parentId(body.get("parentCommentId").asText()) : null;
        Comment c = community.comments().add(member.id(), paper, parent, text(body, "comment"));
        ObjectNode answer = json.createObjectNode();
        answer.set("newMessage", hf.comment(new Discussion.Entry(c, member.name())));
        send(ctx, answer);
    }

    private void upvote(Context ctx, boolean up) {
        Member member = writer(ctx);
        Vote vote = community.upvotes().set(member.id(), ArxivId.parse(ctx.pathParam("id")), up);
        ObjectNode answer = json.createObjectNode().put("upvoted", vote.upvoted()).put("upvotes", vote.upvotes());
        send(ctx, answer);
    }

    private JsonNode body(Context ctx) {
        try {
            JsonNode body = json.readTree(ctx.bodyAsBytes());
            if (body == null || !body.isObject()) {
                throw HttpError.badRequest("the body must be a JSON object");
            }
            return body;
        } catch (IOException e) {
            throw HttpError.badRequest("the body is not JSON: " + e.getMessage());
        }
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || !value.isTextual()) {
            throw HttpError.badRequest("\"" + field + "\" is required, as a string");
        }
        return value.asText();
    }

    private static Long parentId(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw HttpError.badRequest("parentCommentId must be a comment's id");
        }
    }

    private void send(Context ctx, Object body) {
        try {
            ctx.contentType("application/json").result(json.writeValueAsBytes(body));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
