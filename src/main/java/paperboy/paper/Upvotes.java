package paperboy.paper;

/**
 * The one SQL expression for a paper's upvote count on the daily lists, over a {@code papers} row
 * aliased {@code p}: what the cards of a list show, what "most upvoted" sorts by and what the
 * trending score weighs (FeaturedStore and feed/Trending read it from here, nowhere else). Today it
 * is the count imported from Hugging Face; members' own upvotes are to be added to that base here,
 * as an expression that stays valid wherever {@code p} is in scope (say a correlated
 * {@code COUNT(*)} over a table of upvotes, or a counter column kept beside {@code upvotes}).
 */
public final class Upvotes {
    public static final String SQL = "p.upvotes";

    private Upvotes() {}
}
