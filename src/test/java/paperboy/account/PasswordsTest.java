package paperboy.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Argon2id hashes in PHC form, and the rules for new passwords. */
class PasswordsTest {
    private final Passwords passwords = new Passwords(new Passwords.Cost(256, 1, 1), 1);

    @Test
    void aHashNamesItsParametersAndVerifiesOnlyItsPassword() {
        String hash = passwords.hash("correct horse battery staple");
        assertThat(hash).startsWith("$argon2id$v=19$m=256,t=1,p=1$");
        assertThat(passwords.verify("correct horse battery staple", hash)).isTrue();
        assertThat(passwords.verify("correct horse battery stapl", hash)).isFalse();
        assertThat(passwords.hash("correct horse battery staple")).as("a fresh salt each time").isNotEqualTo(hash);
    }

    @Test
    void aHashThatFindsNoTurnIsRefusedAsBusy() {
        Passwords full = new Passwords(new Passwords.Cost(64, 1, 1), new java.util.concurrent.Semaphore(0), java.time.Duration.ZERO);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> full.hash("correct horse battery staple"))
                .isInstanceOf(Passwords.Busy.class).hasMessageContaining("Too many log-ins");
    }

    @Test
    void theDefaultCostIsOwaspsFirstChoice() {
        assertThat(Passwords.Cost.DEFAULT).isEqualTo(new Passwords.Cost(19_456, 2, 1));
    }

    @Test
    void anOldCostStillVerifiesAndAsksForARehash() {
        String old = new Passwords(new Passwords.Cost(128, 2, 1), 1).hash("correct horse battery staple");
        assertThat(passwords.verify("correct horse battery staple", old)).isTrue();
        assertThat(passwords.needsRehash(old)).isTrue();
        assertThat(passwords.needsRehash(passwords.hash("x"))).isFalse();
    }

    @Test
    void aMalformedStoredHashNeverVerifies() {
        assertThat(passwords.verify("x", null)).isFalse();
        assertThat(passwords.verify("x", "$2a$10$bcrypt")).isFalse();
        assertThat(passwords.verify("x", "$argon2id$v=19$m=abc$salt$hash")).isFalse();
    }

    @Test
    void passwordRules() {
        PasswordRules rules = PasswordRules.bundled();
        assertThat(rules.problem("nine char", "a@b.org", "Ada")).isPresent();
        assertThat(rules.problem("ten chars!", "a@b.org", "Ada")).isEmpty();
        assertThat(rules.problem("QWERTYUIOP", "a@b.org", "Ada")).hasValueSatisfying(p -> assertThat(p).contains("common"));
        assertThat(rules.problem("ada@example.org", "ada@example.org", "Ada")).isPresent();
        assertThat(rules.problem("aaaaaaaaaabbbbbbbbbb", "a@b.org", "Ada")).isPresent();
        assertThat(rules.problem("x".repeat(257), "a@b.org", "Ada")).isPresent();
    }

    @Test
    void rolesIncludeTheOnesBelow() {
        assertThat(Role.ADMIN.includes(Role.MODERATOR)).isTrue();
        assertThat(Role.MODERATOR.includes(Role.MEMBER)).isTrue();
        assertThat(Role.MEMBER.includes(Role.MODERATOR)).isFalse();
        assertThat(Visitor.anonymous().can(Role.MEMBER)).isFalse();
        Member banned = new Member(1, "B", "b@x.org", Role.ADMIN, MemberStatus.BANNED, java.time.Instant.EPOCH, false);
        assertThat(Visitor.bySession(banned, "h").can(Role.MEMBER)).isFalse();
    }

    @Test
    void onlyLocalPathsAreWhereALogInMayGo() {
        assertThat(LocalPath.orHome("/papers/2608.19880?x=1")).isEqualTo("/papers/2608.19880?x=1");
        for (String away : new String[] {"//evil.example", "/\\evil.example", "https://evil.example", "evil", "", null,
                "/\r\nLocation: x", "\\\\evil"}) {
            assertThat(LocalPath.orHome(away)).as(String.valueOf(away)).isEqualTo("/");
        }
    }
}
