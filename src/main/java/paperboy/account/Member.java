package paperboy.account;

import java.time.Instant;

/**
 * Someone with an account. {@code email} is null for a deleted account. Never carries the password
 * hash: that stays inside {@link Members}.
 *
 * @param verified whether a verification mail proved {@code email} to be theirs (see
 *                 {@link EmailVerification}): only a verified address gets password resets and the digest
 */
public record Member(long id, String name, String email, Role role, MemberStatus status, Instant createdAt,
        boolean verified) {
    /** The name shown for an account its member deleted. */
    public static final String DELETED_NAME = "deleted member";

    /** True when the member may log in, write and use their role. */
    public boolean isActive() {
        return status == MemberStatus.ACTIVE;
    }
}
