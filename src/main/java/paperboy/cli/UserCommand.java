package paperboy.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.Callable;
import paperboy.StoreOnly;
import paperboy.account.AccountForms;
import paperboy.account.Accounts;
import paperboy.account.Member;
import paperboy.account.MemberStatus;
import paperboy.account.Role;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code paperboy user add | list | role | disable | enable | password}: the operator's hand on accounts. A
 * fresh install has no admin: {@code paperboy user add EMAIL --name NAME --role admin} makes the
 * first. Works on the store alone, so it runs beside a {@code serve} of the same data folder (or
 * against the PostgreSQL store of a deployment). Exit code 0 when done, 2 for input it refuses (an
 * unknown email, a weak password, a taken email or name), 1 when the store fails.
 */
@Command(name = "user", mixinStandardHelpOptions = true, description = "Add members, list them, give roles, disable accounts.",
        subcommands = {UserCommand.Add.class, UserCommand.ListMembers.class, UserCommand.SetRole.class,
                UserCommand.Disable.class, UserCommand.Enable.class, UserCommand.SetPassword.class})
public final class UserCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    /** Opens the store of the data options, runs {@code work} on its accounts, closes it. */
    private static int withAccounts(DataOptions data, StoreWork work) throws IOException {
        try (StoreOnly store = new StoreOnly(data.config())) {
            return work.run(store.accounts());
        }
    }

    @FunctionalInterface
    private interface StoreWork {
        int run(Accounts accounts) throws IOException;
    }

    private static Optional<Member> member(Accounts accounts, String email, PrintWriter err) {
        Optional<Member> member = accounts.members().byEmail(email);
        if (member.isEmpty()) {
            err.println("paperboy: no member has the email " + email);
        }
        return member;
    }

    /** Sets the status of the member with {@code email} (disabling ends their sessions and tokens) and prints them. */
    private static int setStatus(DataOptions data, String email, MemberStatus status, CommandSpec spec) throws IOException {
        return withAccounts(data, accounts -> member(accounts, email, spec.commandLine().getErr()).map(m -> {
            accounts.setStatus(m, status);
            spec.commandLine().getOut().println(status.word() + "  " + line(accounts.members().byId(m.id()).orElseThrow()));
            return 0;
        }).orElse(2));
    }

    private static Optional<Role> role(String word, PrintWriter err) {
        try {
            return Optional.of(Role.parse(word));
        } catch (IllegalArgumentException e) {
            err.println("paperboy: " + e.getMessage());
            return Optional.empty();
        }
    }

    private static String line(Member m) {
        return String.format("%-6d %-9s %-9s %-30s %s", m.id(), m.role().word(), m.status().word(),
                m.email() == null ? "-" : m.email(), m.name());
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Add a member; the password is read from stdin (one line), or asked twice on a terminal.")
    static final class Add implements Callable<Integer> {
        @Mixin
        DataOptions dataOptions;

        @Parameters(paramLabel = "EMAIL", description = "their email address (they log in with it)")
        String email;

        @Option(names = "--name", required = true, paramLabel = "NAME", description = "their display name (public, unique)")
        String name;

        @Option(names = "--role", paramLabel = "ROLE", description = "member (default), moderator or admin")
        String role = "member";

        @Option(names = "--verified", description = "take the address as verified (you know it is theirs); "
                + "else they verify it from /settings, where the site sends mail")
        boolean verified;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            PrintWriter err = spec.commandLine().getErr();
            Optional<Role> parsed = role(role, err);
            if (parsed.isEmpty()) {
                return 2;
            }
            Optional<String> problem = AccountForms.nameProblem(name).or(() -> AccountForms.emailProblem(email));
            if (problem.isPresent()) {
                err.println("paperboy: " + problem.get());
                return 2;
            }
            String password = Passwords.read(err);
            return withAccounts(dataOptions, accounts -> {
                Optional<String> weak = accounts.rules().problem(password, email, name);
                if (weak.isPresent()) {
                    err.println("paperboy: " + weak.get());
                    return 2;
                }
                Optional<Member> added = accounts.members().add(name.strip(), email.strip(), accounts.passwords().hash(password), parsed.get());
                if (added.isEmpty()) {
                    err.println("paperboy: a member already has that email address or display name");
                    return 2;
                }
                if (verified) {
                    accounts.members().markVerified(added.get().id());
                }
                spec.commandLine().getOut().println("added  " + line(added.get()) + (verified ? "  (address verified)" : ""));
                return 0;
            });
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List every member: id, role, status, email, name.")
    static final class ListMembers implements Callable<Integer> {
        @Mixin
        DataOptions dataOptions;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            return withAccounts(dataOptions, accounts -> {
                PrintWriter out = spec.commandLine().getOut();
                out.println(String.format("%-6s %-9s %-9s %-30s %s", "id", "role", "status", "email", "name"));
                accounts.members().all().forEach(m -> out.println(line(m)));
                return 0;
            });
        }
    }

    @Command(name = "role", mixinStandardHelpOptions = true, description = "Give a member a role: member, moderator or admin.")
    static final class SetRole implements Callable<Integer> {
        @Mixin
        DataOptions dataOptions;

        @Parameters(index = "0", paramLabel = "EMAIL")
        String email;

        @Parameters(index = "1", paramLabel = "ROLE", description = "member, moderator or admin")
        String role;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            Optional<Role> parsed = role(role, spec.commandLine().getErr());
            if (parsed.isEmpty()) {
                return 2;
            }
            return withAccounts(dataOptions, accounts -> member(accounts, email, spec.commandLine().getErr()).map(m -> {
                accounts.members().setRole(m.id(), parsed.get());
                spec.commandLine().getOut().println("role   " + line(accounts.members().byId(m.id()).orElseThrow()));
                return 0;
            }).orElse(2));
        }
    }

    /** A subcommand about one member, named by their email. */
    abstract static class ForOneMember implements Callable<Integer> {
        @Mixin
        DataOptions dataOptions;

        @Parameters(paramLabel = "EMAIL")
        String email;

        @Spec
        CommandSpec spec;
    }

    @Command(name = "disable", mixinStandardHelpOptions = true,
            description = "Disable an account: it cannot log in, its sessions end and its API tokens are revoked.")
    static final class Disable extends ForOneMember {
        @Override
        public Integer call() throws IOException {
            return setStatus(dataOptions, email, MemberStatus.DISABLED, spec);
        }
    }

    @Command(name = "enable", mixinStandardHelpOptions = true, description = "Let a disabled or banned account log in again.")
    static final class Enable extends ForOneMember {
        @Override
        public Integer call() throws IOException {
            return setStatus(dataOptions, email, MemberStatus.ACTIVE, spec);
        }
    }

    @Command(name = "password", mixinStandardHelpOptions = true,
            description = "Set a member's password (read as for add); every session of theirs ends.")
    static final class SetPassword extends ForOneMember {
        @Override
        public Integer call() throws IOException {
            PrintWriter err = spec.commandLine().getErr();
            return withAccounts(dataOptions, accounts -> {
                Optional<Member> member = member(accounts, email, err);
                if (member.isEmpty()) {
                    return 2;
                }
                Optional<String> weak = accounts.setPassword(member.get(), Passwords.read(err), null);
                if (weak.isPresent()) {
                    err.println("paperboy: " + weak.get());
                    return 2;
                }
                spec.commandLine().getOut().println("password set, sessions ended: " + line(member.get()));
                return 0;
            });
        }
    }

    /** Where {@code user add} and {@code user password} get the password: the terminal without echo (twice), or one line of stdin. */
    static final class Passwords {
        private Passwords() {}

        static String read(PrintWriter err) throws IOException {
            Console console = System.console();
            if (isTerminal(console)) {
                char[] first = console.readPassword("Password for the new member: ");
                char[] again = console.readPassword("The same again: ");
                try {
                    if (first == null || !Arrays.equals(first, again)) {
                        throw new IllegalArgumentException("the two passwords differ");
                    }
                    return new String(first);
                } finally {
                    if (first != null) {
                        Arrays.fill(first, ' ');
                    }
                    if (again != null) {
                        Arrays.fill(again, ' ');
                    }
                }
            }
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (line == null) {
                throw new IllegalArgumentException("no password on stdin (give one line, e.g. from a password manager)");
            }
            return line;
        }

        /**
         * Whether stdin and stdout are a terminal. From JDK 22 {@code System.console()} is there
         * even when they are redirected and {@code Console.isTerminal()} tells (looked up by name:
         * the build targets 21, where a console means a terminal).
         */
        private static boolean isTerminal(Console console) {
            if (console == null) {
                return false;
            }
            try {
                return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
            } catch (ReflectiveOperationException e) {
                return true;
            }
        }
    }
}
