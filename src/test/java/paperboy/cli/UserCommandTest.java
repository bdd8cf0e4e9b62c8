package paperboy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import paperboy.StoreOnly;
import paperboy.account.Accounts;
import paperboy.account.Member;
import paperboy.account.MemberStatus;
import paperboy.account.Role;
import paperboy.config.Config;

/** {@code paperboy user}: the operator adds members, lists them, gives roles and disables accounts. */
class UserCommandTest {
    @TempDir
    Path data;

    private Run withStdin(String stdin, String... args) {
        InputStream previous = System.in;
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        try {
            return Run.of(args);
        } finally {
            System.setIn(previous);
        }
    }

    private Member stored(String email) {
        try (StoreOnly store = new StoreOnly(new Config(0, data, null, false))) {
            return store.accounts().members().byEmail(email).orElseThrow();
        }
    }

    @Test
    void theFirstAdminIsMadeFromTheCommandLineWithThePasswordOnStdin() {
        Run added = withStdin("a long admin password\n", "user", "add", "root@example.org", "--name", "Site Admin",
                "--role", "admin", "--data", data.toString());
        assertThat(added.exitCode()).as(added.err()).isZero();
        assertThat(added.out()).contains("admin").contains("root@example.org").doesNotContain("a long admin password");
        assertThat(stored("root@example.org").role()).isEqualTo(Role.ADMIN);
        try (StoreOnly store = new StoreOnly(new Config(0, data, null, false))) {
            Accounts accounts = store.accounts();
            assertThat(accounts.logIn("root@example.org", "a long admin password")).isInstanceOf(Accounts.LogIn.Welcome.class);
        }
    }

    @Test
    void anAddressIsUnverifiedUnlessTheOperatorSaysVerified() {
        withStdin("a long enough password\n", "user", "add", "plain@example.org", "--name", "Plain", "--data", data.toString());
        Run vouched = withStdin("a long enough password\n", "user", "add", "known@example.org", "--name", "Known", "--verified",
                "--data", data.toString());
        assertThat(vouched.exitCode()).as(vouched.err()).isZero();
        assertThat(vouched.out()).contains("(address verified)");
        assertThat(stored("plain@example.org").verified()).isFalse();
        assertThat(stored("known@example.org").verified()).isTrue();
    }

    @Test
    void aWeakPasswordOrATakenEmailIsRefusedWithExitCode2() {
        assertThat(withStdin("short\n", "user", "add", "a@example.org", "--name", "Ann", "--data", data.toString()).exitCode())
                .isEqualTo(2);
        assertThat(withStdin("a long enough password\n", "user", "add", "a@example.org", "--name", "Ann", "--data", data.toString())
                .exitCode()).isZero();
        Run again = withStdin("a long enough password\n", "user", "add", "A@example.org", "--name", "Other", "--data", data.toString());
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err()).contains("already has that email");
        assertThat(withStdin("", "user", "add", "b@example.org", "--name", "Bea", "--data", data.toString()).exitCode())
                .as("no password at all").isEqualTo(1);
    }

    @Test
    void listRoleAndDisable() {
        withStdin("a long enough password\n", "user", "add", "mod@example.org", "--name", "Moderator To Be", "--data", data.toString());
        assertThat(Run.of("user", "role", "mod@example.org", "moderator", "--data", data.toString()).exitCode()).isZero();
        assertThat(stored("mod@example.org").role()).isEqualTo(Role.MODERATOR);
        assertThat(Run.of("user", "role", "mod@example.org", "emperor", "--data", data.toString()).exitCode()).isEqualTo(2);
        assertThat(Run.of("user", "role", "nobody@example.org", "admin", "--data", data.toString()).exitCode()).isEqualTo(2);

        try (StoreOnly store = new StoreOnly(new Config(0, data, null, false))) {
            store.accounts().sessions().start(store.accounts().members().byEmail("mod@example.org").orElseThrow());
        }
        Run disabled = Run.of("user", "disable", "mod@example.org", "--data", data.toString());
        assertThat(disabled.exitCode()).isZero();
        Member mod = stored("mod@example.org");
        assertThat(mod.status()).isEqualTo(MemberStatus.DISABLED);
        try (StoreOnly store = new StoreOnly(new Config(0, data, null, false))) {
            assertThat(store.accounts().sessions().count(mod.id())).as("their sessions ended").isZero();
        }
        Run list = Run.of("user", "list", "--data", data.toString());
        assertThat(list.out()).contains("mod@example.org").contains("moderator").contains("disabled");
        assertThat(Run.of("user", "enable", "mod@example.org", "--data", data.toString()).exitCode()).isZero();
        assertThat(stored("mod@example.org").status()).isEqualTo(MemberStatus.ACTIVE);
        assertThat(withStdin("a forgotten one, reset\n", "user", "password", "mod@example.org", "--data", data.toString())
                .exitCode()).isZero();
        try (StoreOnly store = new StoreOnly(new Config(0, data, null, false))) {
            assertThat(store.accounts().logIn("mod@example.org", "a forgotten one, reset")).isInstanceOf(Accounts.LogIn.Welcome.class);
        }
    }
}
