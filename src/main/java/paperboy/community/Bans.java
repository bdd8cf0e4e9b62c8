package paperboy.community;

import org.jdbi.v3.core.Handle;

/**
 * Who may not write: members a moderator banned. Accounts keep it (a banned member's status, which
 * also ends their sessions and tokens, so they are never a visitor); every community write checks
 * it again ({@link #requireAllowed}), so a write that raced a ban is refused all the same.
 */
public interface Bans {
    boolean isBanned(long memberId);

    /** {@link #isBanned(long)} read inside the caller's transaction (on its connection, not a second one). */
    boolean isBanned(Handle h, long memberId);

    /** Bans the member; false when they already were, or there is no such member. */
    boolean ban(long memberId);

    /** Lifts the ban; false when there was none. */
    boolean unban(long memberId);

    /** Throws {@link Banned} when the member is banned. */
    default void requireAllowed(long memberId) {
        if (isBanned(memberId)) {
            throw new Banned();
        }
    }

    /** {@link #requireAllowed(long)} inside the caller's transaction, which may hold the store's write lock. */
    default void requireAllowed(Handle h, long memberId) {
        if (isBanned(h, memberId)) {
            throw new Banned();
        }
    }
}
