package paperboy.community;

/** Where a member's upvote of a paper stands after a write: whether it is theirs now, and the paper's total. */
public record Vote(boolean upvoted, int upvotes) {}
