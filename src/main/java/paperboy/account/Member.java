package paperboy.account;

import java.time.Instant;

/**
 * Someone with an account. {@code email} is null for a deleted account. Never carries the password
 * hash: that stays inside {@link Members}.
 */
public record Member(long id, String name, String email, Role role, MemberStatus status, Instant createdAt) {
    /** The name shown for an account its member deleted. */
    public static final String DELETED_NAME = "deleted member";

    /** True when the member may log in, write and use their role. */
    public boolean isActive() {
        return status == MemberStatus.ACTIVE;
    }
}
