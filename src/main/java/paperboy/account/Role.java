package paperboy.account;

import java.util.Locale;

/**
 * What a member may do beyond their own writing: a moderator also moderates, an admin also reads
 * the audit log and grants roles. Each role includes the ones before it.
 */
public enum Role {
    MEMBER, MODERATOR, ADMIN;

    /** True when this role may do what {@code needed} may (admin ⊇ moderator ⊇ member). */
    public boolean includes(Role needed) {
        return ordinal() >= needed.ordinal();
    }

    /** As stored and typed on the command line: {@code member}, {@code moderator}, {@code admin}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role for {@code member}, {@code moderator} or {@code admin} (any case). */
    public static Role parse(String word) {
        for (Role role : values()) {
            if (role.word().equalsIgnoreCase(word.strip())) {
                return role;
            }
        }
        throw new IllegalArgumentException("no role '" + word + "': use member, moderator or admin");
    }
}
