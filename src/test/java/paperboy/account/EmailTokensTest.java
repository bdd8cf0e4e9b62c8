package paperboy.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import paperboy.config.MailSettings;
import paperboy.MovingClock;
import paperboy.db.Database;
import paperboy.db.StoreTest;
import paperboy.digest.Eml;
import paperboy.mail.MailTransport;
import paperboy.subscription.MemberSubscriptions;
import paperboy.subscription.SiteLinks;
import paperboy.subscription.SubscriberStore;

/**
 * The tokens of account mails in a real store (SQLite and PostgreSQL), under a clock the test
 * moves: they expire, work once, and only the latest works; mails go to .eml files.
 */
class EmailTokensTest {
    private static final Passwords FAST = new Passwords(new Passwords.Cost(64, 1, 1), 1);
    private static final String BASE = "https://papers.example.org";
    private final MovingClock clock = new MovingClock();

    /** What one test needs: accounts, their mails into a folder, verification and reset, all on the moving clock. */
    private record World(Accounts accounts, Path mailDir, AccountMail mail, EmailVerification verification, PasswordReset reset)
            implements AutoCloseable {
        @Override
        public void close() throws Exception {
            mail.close();
        }
    }

    private World world(Database db) throws Exception {
        Members members = new Members(db.jdbi(), clock, NameChanges.NONE);
        Accounts accounts = new Accounts(members, new Sessions(db.jdbi(), clock, SessionSettings.DEFAULTS),
                new ApiTokens(db.jdbi(), clock), FAST, PasswordRules.bundled());
        Path mailDir = Files.createTempDirectory("paperboy-account-eml");
        AccountMail mail = new AccountMail(MailTransport.of(MailSettings.FILES, mailDir), new SiteLinks(URI.create(BASE)), clock);
        EmailVerification verification =
                new EmailVerification(db.jdbi(), members, mail, new MemberSubscriptions(new SubscriberStore(db.jdbi()), clock), clock);
        return new World(accounts, mailDir, mail, verification, new PasswordReset(db.jdbi(), accounts, mail, verification, clock));
    }

    /** The link's token in the {@code n}th mail (by its Date: the folder's order is the files' names) to {@code to}. */
    private static String token(World w, String to, int n, String path) throws Exception {
        var mails = new java.util.ArrayList<>(Eml.to(w.mailDir(), to, n));
        assertThat(mails).hasSizeGreaterThanOrEqualTo(n);
        mails.sort(java.util.Comparator.comparing(m -> {
            try {
                return m.getSentDate();
            } catch (jakarta.mail.MessagingException e) {
                throw new AssertionError(e);
            }
        }));
        String link = Eml.link(Eml.part(mails.get(n - 1), "text/plain"), BASE, path);
        return URLDecoder.decode(link.substring(link.indexOf("token=") + 6), StandardCharsets.UTF_8);
    }

    private static Member verified(World w, String name) {
        Member m = TestMembers.add(w.accounts(), name, TestMembers.email(name), Role.MEMBER);
        w.accounts().members().markVerified(m.id());
        return w.accounts().members().byId(m.id()).orElseThrow();
    }

    @StoreTest
    void aVerificationLinkWorksFor48Hours(Database db) throws Exception {
        try (World w = world(db)) {
            Member late = TestMembers.add(w.accounts(), "Late Lou", "lou@example.org", Role.MEMBER);
            Member prompt = TestMembers.add(w.accounts(), "Prompt Pat", "pat@example.org", Role.MEMBER);
            w.verification().sendFor(late);
            w.verification().sendFor(prompt);
            String lou = token(w, "lou@example.org", 1, "/verify");
            String pat = token(w, "pat@example.org", 1, "/verify");

            clock.advance(Duration.ofHours(47));
            assertThat(w.verification().verify(pat)).isInstanceOf(EmailVerification.Outcome.Verified.class);
            clock.advance(Duration.ofHours(1).plusSeconds(1));
            assertThat(w.verification().addressOf(lou)).isEmpty();
            assertThat(w.verification().verify(lou)).isInstanceOf(EmailVerification.Outcome.Refused.class);
            assertThat(w.accounts().members().byId(late.id()).orElseThrow().verified()).isFalse();
            assertThat(w.accounts().members().byId(prompt.id()).orElseThrow().verified()).isTrue();
        }
    }

    @StoreTest
    void aResetLinkWorksForAnHourAndOnlyTheLatestOne(Database db) throws Exception {
        try (World w = world(db)) {
            Member ria = verified(w, "Reset Ria");
            w.reset().ask(ria.email());
            String first = token(w, ria.email(), 1, "/password/reset/new");
            clock.advance(Duration.ofMinutes(1));
            w.reset().ask(ria.email());
            String second = token(w, ria.email(), 2, "/password/reset/new");
            assertThat(w.reset().holder(first)).as("ended by the newer mail").isEmpty();
            assertThat(w.reset().holder(second)).isPresent();

            clock.advance(Duration.ofMinutes(61));
            assertThat(w.reset().holder(second)).isEmpty();
            assertThat(w.reset().reset(second, "a password after expiry")).isInstanceOf(PasswordReset.Outcome.Refused.class);
            assertThat(w.accounts().logIn(ria.email(), TestMembers.PASSWORD)).isInstanceOf(Accounts.LogIn.Welcome.class);
        }
    }

    @StoreTest
    void aResetLinkStopsWorkingWhenTheAddressItWentToIsNoLongerTheMembers(Database db) throws Exception {
        try (World w = world(db)) {
            Member mo = verified(w, "Moved Mo");
            w.reset().ask(mo.email());
            String token = token(w, mo.email(), 1, "/password/reset/new");
            w.accounts().members().changeEmail(mo.id(), "mo@elsewhere.example.org");
            assertThat(w.reset().reset(token, "a password for mo")).isInstanceOf(PasswordReset.Outcome.Refused.class);
        }
    }

    @StoreTest
    void aChangeOfEmailWithoutMailIsImmediateAndUnverified(Database db) throws Exception {
        try (World w = world(db)) {
            Member vi = verified(w, "Verified Vi");
            assertThat(vi.verified()).isTrue();
            w.accounts().members().changeEmail(vi.id(), "vi@elsewhere.example.org");
            Member moved = w.accounts().members().byId(vi.id()).orElseThrow();
            assertThat(moved.email()).isEqualTo("vi@elsewhere.example.org");
            assertThat(moved.verified()).isFalse();
        }
    }
}
