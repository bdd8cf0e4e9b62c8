package paperboy.account;

import java.util.Locale;

/**
 * Whether a member may log in and write. Banned (by a moderator) and disabled (by the operator,
 * {@code paperboy user disable}) members cannot log in and their sessions and tokens are ended;
 * a deleted account is an anonymised row that keeps what its member wrote attributed to
 * "deleted member".
 */
public enum MemberStatus {
    ACTIVE, BANNED, DISABLED, DELETED;

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    static MemberStatus parse(String word) {
        return valueOf(word.toUpperCase(Locale.ROOT));
    }
}
