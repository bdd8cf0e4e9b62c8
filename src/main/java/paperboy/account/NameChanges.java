package paperboy.account;

import org.jdbi.v3.core.Handle;

/**
 * Told that a member's public name changed (renamed, or anonymised when the account was deleted),
 * inside the transaction that changes it: whatever shows the name beside papers (the community's
 * submissions and comments) marks those papers changed there, so that no cached page or API answer
 * from before is served with the old name.
 */
@FunctionalInterface
public interface NameChanges {
    /** Names show nowhere but in accounts (tests of accounts alone). */
    NameChanges NONE = (h, memberId) -> {};

    void changed(Handle h, long memberId);
}
