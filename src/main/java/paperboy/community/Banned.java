package paperboy.community;

/** A banned member tried to write (submit, upvote, comment): they may still read. Pages answer 403. */
public final class Banned extends RuntimeException {
    public Banned() {
        super("A moderator has banned this account from submitting, upvoting and commenting.");
    }
}
