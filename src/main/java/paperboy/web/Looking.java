package paperboy.web;

import io.javalin.http.Context;
import java.util.Collection;
import paperboy.account.Member;
import paperboy.account.Visitors;
import paperboy.community.CommunityView;
import paperboy.community.Marks;
import paperboy.paper.ArxivId;

/**
 * Who is looking at a page, as far as the community's marks go: a member sees their own upvotes
 * filled; anyone else sees none, so their pages stay the same for everyone (and cacheable).
 */
final class Looking {
    private Looking() {}

    /** The logged-in member's id, or null. */
    static Long memberId(Context ctx) {
        return Visitors.of(ctx).member().filter(Member::isActive).map(Member::id).orElse(null);
    }

    static Marks marks(CommunityView view, Context ctx, Collection<ArxivId> papers) {
        return view.marks(papers, memberId(ctx));
    }
}
