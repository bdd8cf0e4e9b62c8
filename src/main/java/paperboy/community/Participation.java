package paperboy.community;

import paperboy.community.discussion.Comments;
import paperboy.community.discussion.Reports;
import paperboy.community.moderation.Moderation;
import paperboy.http.Throttle;

/**
 * What members do on the site, wired once in {@code App} and handed to the web side: submit,
 * upvote, discuss, report, moderate; what pages show of it ({@link CommunityView}); and the limit
 * on writes per member ({@code writes}, a {@link Throttle} over all of them).
 */
public record Participation(Submitting submitting, Upvotes upvotes, Comments comments, Reports reports,
        Moderation moderation, CommunityView view, Throttle writes) {}
