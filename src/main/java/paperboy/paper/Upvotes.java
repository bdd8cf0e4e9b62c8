package paperboy.paper;

/**
 * The one SQL expression for a paper's upvote count on the daily lists, over a {@code papers} row
 * aliased {@code p}: what "most upvoted" sorts by and what the trending score weighs (FeaturedStore
 * and feed/Trending read it from here, nowhere else). The count imported from Hugging Face is the
 * base; this site's members' upvotes ({@code member_upvotes}, kept by the community's upvote store
 * in the transaction of each vote) add to it. In Java the same sum is
 * {@link Paper.Community#totalUpvotes()}.
 */
public final class Upvotes {
    public static final String SQL = "(p.upvotes + p.member_upvotes)";

    private Upvotes() {}
}
