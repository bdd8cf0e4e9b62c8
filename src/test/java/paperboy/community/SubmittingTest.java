package paperboy.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static paperboy.paper.PaperBuilder.paper;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import paperboy.community.SubmissionRefused.Reason;
import paperboy.db.Database;
import paperboy.db.StoreTest;
import paperboy.paper.ArxivId;

/** The submission rules on SQLite and PostgreSQL, with arXiv replaced by a recorded answer. */
class SubmittingTest {
    /** Six days after 1611.09520's first version (2016-11-29). */
    static final Clock DEC_2016 = Clock.fixed(Instant.parse("2016-12-05T09:00:00Z"), ZoneOffset.UTC);
    static final Clock AUG_2026 = Clock.fixed(Instant.parse("2026-08-21T09:00:00Z"), ZoneOffset.UTC);
    static final ArxivId DEEP_DREAM = new ArxivId("1611.09520");

    @StoreTest
    void aPaperTheStoreHasIsListedTodayWithoutAskingArxiv(Database db) {
        try (var c = new Community(db, AUG_2026, SubmitRules.DEFAULTS)) {
            c.store(paper("2608.00001").published("2026-08-19").update());

            var outcome = c.submitting.submit(7, new ArxivId("2608.00001"));

            assertThat(outcome).isInstanceOf(Submitting.Outcome.Listed.class);
            assertThat(c.papers.featuredDays(new ArxivId("2608.00001"))).containsExactly(LocalDate.of(2026, 8, 21));
            assertThat(c.submissions.of(new ArxivId("2608.00001"))).hasValueSatisfying(s -> assertThat(s.memberId()).isEqualTo(7));
            assertThat(outcome.paper().community().totalUpvotes()).isEqualTo(1); // the submitter's own
            assertThat(c.arxiv.requests()).isZero();
        }
    }

    @StoreTest
    void anUnknownPaperIsFetchedFromArxivThenListed(Database db) {
        try (var c = new Community(db, DEC_2016, SubmitRules.DEFAULTS)) {
            var outcome = c.submitting.submit(7, DEEP_DREAM);

            assertThat(outcome.paper().title()).contains("Deep");
            assertThat(c.papers.featuredDays(DEEP_DREAM)).containsExactly(LocalDate.of(2016, 12, 5));
            assertThat(c.arxiv.requests()).isEqualTo(1);
        }
    }

    @StoreTest
    void anIdArxivDoesNotKnowIsRefusedWithAClearMessage(Database db) {
        try (var c = new Community(db, DEC_2016, SubmitRules.DEFAULTS)) {
            assertThatThrownBy(() -> c.submitting.submit(7, new ArxivId("1612.99999")))
                    .isInstanceOfSatisfying(SubmissionRefused.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_ON_ARXIV))
                    .hasMessageContaining("arXiv has no paper 1612.99999");
        }
    }

    @StoreTest
    void aPaperOlderThanTheRulesAllowIsRefusedButStaysInTheIndex(Database db) {
        try (var c = new Community(db, AUG_2026, SubmitRules.DEFAULTS)) {
            assertThatThrownBy(() -> c.submitting.submit(7, DEEP_DREAM))
                    .isInstanceOfSatisfying(SubmissionRefused.class, e -> assertThat(e.reason()).isEqualTo(Reason.TOO_OLD))
                    .hasMessageContaining("at most 14 days old");
            assertThat(c.papers.featuredDays(DEEP_DREAM)).isEmpty();
            assertThat(c.papers.find(DEEP_DREAM)).isPresent();
        }
    }

    @StoreTest
    void aPaperAlreadyOnAListIsNotListedAgainButUpvoted(Database db) {
        try (var c = new Community(db, AUG_2026, SubmitRules.DEFAULTS)) {
            c.store(paper("2608.00001").upvotes(4).published("2026-08-19").featuredOn("2026-08-20"));

            var outcome = c.submitting.submit(7, new ArxivId("2608.00001"));

            assertThat(outcome).isEqualTo(new Submitting.Outcome.AlreadyListed(outcome.paper(), new Vote(true, 5)));
            assertThat(c.papers.featuredDays(new ArxivId("2608.00001"))).containsExactly(LocalDate.of(2026, 8, 20));
            assertThat(c.submissions.of(new ArxivId("2608.00001"))).isEmpty();
        }
    }

    @StoreTest
    void aMemberHasADailyLimit(Database db) {
        try (var c = new Community(db, AUG_2026, new SubmitRules(14, 2))) {
            c.store(paper("2608.00001").published("2026-08-19").update(), paper("2608.00002").published("2026-08-19").update(),
                    paper("2608.00003").published("2026-08-19").update());
            c.submitting.submit(7, new ArxivId("2608.00001"));
            c.submitting.submit(7, new ArxivId("2608.00002"));

            assertThatThrownBy(() -> c.submitting.submit(7, new ArxivId("2608.00003")))
                    .isInstanceOfSatisfying(SubmissionRefused.class, e -> assertThat(e.reason()).isEqualTo(Reason.DAILY_LIMIT));
            assertThat(c.submitting.submit(8, new ArxivId("2608.00003"))).isInstanceOf(Submitting.Outcome.Listed.class);
        }
    }

    @StoreTest
    void aBannedMemberCannotSubmitAndAModeratorCanTakeASubmissionOff(Database db) {
        try (var c = new Community(db, AUG_2026, SubmitRules.DEFAULTS)) {
            c.store(paper("2608.00001").published("2026-08-19").update(), paper("2608.00002").published("2026-08-19").update());
            c.submitting.submit(7, new ArxivId("2608.00001"));
            c.moderation.ban(1, 8, "spam");

            assertThatThrownBy(() -> c.submitting.submit(8, new ArxivId("2608.00002"))).isInstanceOf(Banned.class);
            assertThat(c.moderation.removeSubmission(1, new ArxivId("2608.00001"), "off topic")).isTrue();

            assertThat(c.papers.featuredDays(new ArxivId("2608.00001"))).isEmpty();
            assertThat(c.submissions.of(new ArxivId("2608.00001"))).isEmpty();
            assertThat(c.moderation.log().latest(10)).extracting(e -> e.action().word() + " " + e.target())
                    .containsExactly("remove-submission paper:2608.00001", "ban member:8");
        }
    }
}
