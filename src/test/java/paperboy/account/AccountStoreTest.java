package paperboy.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;
import paperboy.MovingClock;
import paperboy.db.Database;
import paperboy.db.StoreTest;
import paperboy.mail.Sha256;

/** Members, sessions and API tokens in a real store, on SQLite and PostgreSQL. */
class AccountStoreTest {
    private static final Passwords FAST = new Passwords(new Passwords.Cost(64, 1, 1), 1);
    private final MovingClock clock = new MovingClock();

    private Accounts accounts(Database db) {
        Members members = new Members(db.jdbi(), clock, NameChanges.NONE);
        SessionSettings settings = new SessionSettings(Duration.ofHours(2), Duration.ofDays(1), false);
        return new Accounts(members, new Sessions(db.jdbi(), clock, settings),
                new ApiTokens(db.jdbi(), clock), FAST, PasswordRules.bundled());
    }

    @StoreTest
    void emailsAndNamesAreUniqueWhateverTheirCase(Database db) {
        Accounts accounts = accounts(db);
        assertThat(accounts.members().add("Ada", "ada@example.org", "h", Role.MEMBER)).isPresent();
        assertThat(accounts.members().add("Someone", " ADA@Example.org ", "h", Role.MEMBER)).isEmpty();
        assertThat(accounts.members().add("ada", "other@example.org", "h", Role.MEMBER)).isEmpty();
        assertThat(accounts.members().byEmail("Ada@EXAMPLE.org")).hasValueSatisfying(m -> assertThat(m.name()).isEqualTo("Ada"));
        assertThat(accounts.members().all()).hasSize(1);
    }

    @StoreTest
    void aSignUpWithATakenEmailAnswersAsANewOneAndChangesNothing(Database db) {
        Accounts accounts = accounts(db);
        assertThat(accounts.signUp("Ada", "ada@example.org", "first password here")).isEmpty();
        assertThat(accounts.signUp("Mallory", "ADA@example.org", "mallory's password")).isEmpty();
        assertThat(accounts.members().all()).extracting(Member::name).containsExactly("Ada");
        assertThat(accounts.logIn("ada@example.org", "first password here")).isInstanceOf(Accounts.LogIn.Welcome.class);
        assertThat(accounts.logIn("ada@example.org", "mallory's password")).isInstanceOf(Accounts.LogIn.Refused.class);
    }

    @StoreTest
    void signUpRefusesShortCommonAndMalformedInput(Database db) {
        Accounts accounts = accounts(db);
        assertThat(accounts.signUp("Ada", "ada@example.org", "short")).singleElement().asString().contains("at least 10");
        assertThat(accounts.signUp("Ada", "ada@example.org", "Basketball")).singleElement().asString().contains("most common");
        assertThat(accounts.signUp("A", "not-an-email", "a fine password")).hasSize(2);
        assertThat(accounts.members().all()).isEmpty();
    }

    @StoreTest
    void unknownEmailAndWrongPasswordAreOneRefusal(Database db) {
        Accounts accounts = accounts(db);
        accounts.signUp("Ada", "ada@example.org", "first password here");
        assertThat(accounts.logIn("nobody@example.org", "first password here")).isEqualTo(new Accounts.LogIn.Refused());
        assertThat(accounts.logIn("ada@example.org", "wrong password here")).isEqualTo(new Accounts.LogIn.Refused());
    }

    @StoreTest
    void aBannedMemberCannotLogInAndLosesTheirSessions(Database db) {
        Accounts accounts = accounts(db);
        accounts.signUp("Ada", "ada@example.org", "first password here");
        Member ada = accounts.members().byEmail("ada@example.org").orElseThrow();
        Sessions.Started session = accounts.sessions().start(ada);
        accounts.setStatus(ada, MemberStatus.BANNED);
        assertThat(accounts.sessions().find(session.id())).isEmpty();
        assertThat(accounts.logIn("ada@example.org", "first password here")).isInstanceOf(Accounts.LogIn.Closed.class);
    }

    @StoreTest
    void sessionsEndAfterIdleTimeAndAfterTheirLifetime(Database db) {
        Accounts accounts = accounts(db);
        Member ada = accounts.members().add("Ada", "ada@example.org", "h", Role.MEMBER).orElseThrow();
        Sessions.Started idle = accounts.sessions().start(ada);
        clock.advance(Duration.ofMinutes(119));
        assertThat(accounts.sessions().find(idle.id())).isPresent(); // and is touched now
        clock.advance(Duration.ofMinutes(119));
        assertThat(accounts.sessions().find(idle.id())).isPresent();
        clock.advance(Duration.ofMinutes(121));
        assertThat(accounts.sessions().find(idle.id())).as("idle for more than 2 h").isEmpty();

        Sessions.Started busy = accounts.sessions().start(ada);
        for (int hour = 0; hour < 23; hour++) {
            clock.advance(Duration.ofHours(1));
            assertThat(accounts.sessions().find(busy.id())).isPresent();
        }
        clock.advance(Duration.ofMinutes(61));
        assertThat(accounts.sessions().find(busy.id())).as("older than a day, however busy").isEmpty();
    }

    private static Member ada(Accounts accounts) {
        return accounts.members().add("Ada", "ada@example.org", "h", Role.MEMBER).orElseThrow();
    }

    @StoreTest
    void aSessionOfAMemberClosedWithoutEndingItIsRefusedAndEnded(Database db) {
        Accounts accounts = accounts(db);
        Member ada = ada(accounts);
        Sessions.Started session = accounts.sessions().start(ada);
        // As a status set past Accounts.setStatus (by hand in the store, say) leaves it: the sessions are still there.
        accounts.members().setStatus(ada.id(), MemberStatus.DISABLED);
        assertThat(accounts.sessions().count(ada.id())).isEqualTo(1);
        assertThat(accounts.sessions().find(session.id())).isEmpty();
        assertThat(accounts.sessions().count(ada.id())).isZero();
    }

    @StoreTest
    void aLiveSessionIsFoundWithItsMemberInOneQuery(Database db) {
        Accounts accounts = accounts(db);
        Member ada = ada(accounts);
        Sessions.Started session = accounts.sessions().start(ada);
        AtomicInteger statements = counting(db);
        assertThat(accounts.sessions().find(session.id())).map(Sessions.Live::member).hasValue(ada);
        assertThat(statements).as("not touched: seen less than a minute ago").hasValue(1);
    }

    /** A count of the statements the store runs from now on. */
    private static AtomicInteger counting(Database db) {
        AtomicInteger statements = new AtomicInteger();
        db.jdbi().setSqlLogger(new SqlLogger() {
            @Override
            public void logAfterExecution(StatementContext context) {
                statements.incrementAndGet();
            }
        });
        return statements;
    }

    @StoreTest
    void theSweepDeletesExpiredSessionsAndKeepsLiveOnes(Database db) {
        Accounts accounts = accounts(db);
        Member ada = accounts.members().add("Ada", "ada@example.org", "h", Role.MEMBER).orElseThrow();
        accounts.sessions().start(ada);
        accounts.sessions().start(ada);
        clock.advance(Duration.ofMinutes(121));
        Sessions.Started live = accounts.sessions().start(ada);

        assertThat(accounts.sessions().sweep()).isEqualTo(2);
        assertThat(accounts.sessions().count(ada.id())).isEqualTo(1);
        assertThat(accounts.sessions().find(live.id())).isPresent();
    }

    @StoreTest
    void sessionIdsAreStoredOnlyAsHashes(Database db) {
        Accounts accounts = accounts(db);
        Member ada = accounts.members().add("Ada", "ada@example.org", "h", Role.MEMBER).orElseThrow();
        Sessions.Started session = accounts.sessions().start(ada);
        assertThat(session.id()).hasSize(43); // 256 bits in unpadded Base64
        String stored = db.jdbi().withHandle(h -> h.createQuery("SELECT id_hash FROM sessions").mapTo(String.class).one());
        assertThat(stored).isEqualTo(Sha256.hex(session.id())).isNotEqualTo(session.id());
    }

    @StoreTest
    void aNewPasswordEndsEveryOtherSession(Database db) {
        Accounts accounts = accounts(db);
        accounts.signUp("Ada", "ada@example.org", "first password here");
        Member ada = accounts.members().byEmail("ada@example.org").orElseThrow();
        Sessions.Started here = accounts.sessions().start(ada), elsewhere = accounts.sessions().start(ada);
        assertThat(accounts.setPassword(ada, "second password here", here.hash())).isEmpty();
        assertThat(accounts.sessions().find(here.id())).isPresent();
        assertThat(accounts.sessions().find(elsewhere.id())).isEmpty();
        assertThat(accounts.logIn("ada@example.org", "second password here")).isInstanceOf(Accounts.LogIn.Welcome.class);
    }

    @StoreTest
    void aLogInRehashesAPasswordMadeWithOtherParameters(Database db) {
        Accounts accounts = accounts(db);
        Member ada = accounts.members().add("Ada", "ada@example.org", new Passwords(new Passwords.Cost(32, 1, 1), 1)
                .hash("first password here"), Role.MEMBER).orElseThrow();
        assertThat(accounts.logIn("ada@example.org", "first password here")).isInstanceOf(Accounts.LogIn.Welcome.class);
        assertThat(accounts.members().passwordHash(ada.id())).hasValueSatisfying(h -> assertThat(h).contains("m=64,t=1,p=1"));
    }

    @StoreTest
    void apiTokensAreShownOnceStoredHashedAndRevocable(Database db) {
        Accounts accounts = accounts(db);
        Member ada = accounts.members().add("Ada", "ada@example.org", "h", Role.MEMBER).orElseThrow();
        ApiTokens.Made made = accounts.tokens().make(ada.id(), "my script");
        assertThat(made.token()).startsWith(ApiTokens.PREFIX);
        assertThat(accounts.tokens().find(made.token())).hasValueSatisfying(m -> assertThat(m.id()).isEqualTo(ada.id()));
        assertThat(accounts.tokens().of(ada.id())).singleElement()
                .satisfies(t -> assertThat(t.label()).isEqualTo("my script"))
                .satisfies(t -> assertThat(t.lastUsedAt()).isNotNull());
        String stored = db.jdbi().withHandle(h -> h.createQuery("SELECT token_hash FROM api_tokens").mapTo(String.class).one());
        assertThat(stored).doesNotContain(made.token().substring(3));
        assertThat(accounts.tokens().revoke(ada.id(), made.id())).isTrue();
        assertThat(accounts.tokens().find(made.token())).isEmpty();
    }

    @StoreTest
    void anApiTokenIsFoundWithItsMemberInOneQueryAndRefusedForAClosedMember(Database db) {
        Accounts accounts = accounts(db);
        Member ada = ada(accounts);
        ApiTokens.Made made = accounts.tokens().make(ada.id(), "my script");
        accounts.tokens().find(made.token()); // its first use is written
        AtomicInteger statements = counting(db);
        assertThat(accounts.tokens().find(made.token())).hasValue(ada);
        assertThat(statements).as("not touched: used less than a minute ago").hasValue(1);
        // A status set past Accounts.setStatus leaves the token in place; it lets nobody in all the same.
        accounts.members().setStatus(ada.id(), MemberStatus.BANNED);
        assertThat(accounts.tokens().find(made.token())).isEmpty();
    }

    @StoreTest
    void aDeletedAccountKeepsItsRowAnonymised(Database db) {
        Accounts accounts = accounts(db);
        Member ada = accounts.members().add("Ada", "ada@example.org", "h", Role.ADMIN).orElseThrow();
        accounts.sessions().start(ada);
        accounts.members().anonymise(ada.id());
        Member gone = accounts.members().byId(ada.id()).orElseThrow();
        assertThat(gone.name()).isEqualTo(Member.DELETED_NAME);
        assertThat(gone.email()).isNull();
        assertThat(gone.status()).isEqualTo(MemberStatus.DELETED);
        assertThat(gone.role()).isEqualTo(Role.MEMBER);
        assertThat(accounts.sessions().count(ada.id())).isZero();
        assertThat(accounts.members().add("Ada", "ada@example.org", "h", Role.MEMBER)).as("name and email free again").isPresent();
    }

    @StoreTest
    void theCsrfSecretIsMadeOnceAndShared(Database db) {
        CsrfTokens first = CsrfTokens.fromStore(db.jdbi()), second = CsrfTokens.fromStore(db.jdbi());
        assertThat(first.forSession("abc")).isEqualTo(second.forSession("abc")).isNotEqualTo(first.forSession("abd"));
        assertThat(first.forCookie("abc")).isNotEqualTo(first.forSession("abc"));
    }
}
