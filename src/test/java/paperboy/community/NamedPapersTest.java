package paperboy.community;

import static org.assertj.core.api.Assertions.assertThat;
import static paperboy.paper.PaperBuilder.paper;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import paperboy.db.Database;
import paperboy.db.StoreTest;
import paperboy.paper.ArxivId;
import paperboy.paper.Change;
import paperboy.paper.PaperUpdate;

/** Which papers show a member's name, and marking them changed when it changes, on SQLite and PostgreSQL. */
class NamedPapersTest {
    private static final ArxivId COMMENTED = new ArxivId("2608.00001");
    private static final ArxivId SUBMITTED = new ArxivId("2608.00002");
    private static final ArxivId OTHERS = new ArxivId("2608.00003");

    @StoreTest
    void theMembersSubmissionsAndCommentedPapersEachOnce(Database db) {
        try (var c = new Community(db, UpvotesTest.CLOCK, SubmitRules.DEFAULTS)) {
            c.store(paper(COMMENTED.value()).featuredOn("2026-08-21"), paper(SUBMITTED.value()).featuredOn("2026-08-21"),
                    paper(OTHERS.value()).featuredOn("2026-08-21"));
            c.comments.add(1, COMMENTED, null, "one");
            c.comments.add(1, COMMENTED, null, "two");
            c.comments.add(1, SUBMITTED, null, "on my own paper");
            c.comments.add(2, OTHERS, null, "someone else");
            db.jdbi().useTransaction(h -> c.submissions.add(h,
                    new Submission(SUBMITTED, 1, LocalDate.of(2026, 8, 21), UpvotesTest.CLOCK.instant())));

            assertThat(named(db, 1)).containsExactlyInAnyOrder(COMMENTED, SUBMITTED);
            assertThat(named(db, 2)).containsExactly(OTHERS);
            assertThat(named(db, 3)).isEmpty();
        }
    }

    @StoreTest
    void markingThemChangedGivesOnlyThemANewChangeNumber(Database db) {
        try (var c = new Community(db, UpvotesTest.CLOCK, SubmitRules.DEFAULTS)) {
            c.store(paper(COMMENTED.value()).update(), paper(OTHERS.value()).update());
            long before = c.papers.lastChangeNo();

            db.jdbi().useTransaction(h -> c.papers.changed(h, List.of(COMMENTED, new ArxivId("2608.09999"))));
            db.jdbi().useTransaction(h -> c.papers.changed(h, List.of()));

            List<Change> changes = c.papers.changesSince(new Change.Position(before, ""), 10).stream()
                    .filter(change -> change.position().changeNo() > before).toList(); // the two stored share `before`
            assertThat(changes).extracting(change -> change.paper().id()).containsExactly(COMMENTED);
            assertThat(c.papers.lastChangeNo()).isEqualTo(before + 1);
            assertThat(c.papers.knownChangeNo()).isEqualTo(before + 1);
        }
    }

    @StoreTest
    void moreIdsThanOneStatementBindsAllTakeOneChangeNumber(Database db) {
        try (var c = new Community(db, UpvotesTest.CLOCK, SubmitRules.DEFAULTS)) {
            List<PaperUpdate> many = new ArrayList<>();
            for (int i = 1; i <= 2_500; i++) {
                many.add(paper(String.format("2609.%05d", i)).update());
            }
            c.papers.upsert(many, "test");
            long before = c.papers.lastChangeNo();

            db.jdbi().useTransaction(h -> c.papers.changed(h, many.stream().map(u -> u.paper().id()).toList()));

            List<Change> changes = c.papers.changesSince(new Change.Position(before, "\uffff"), 3_000);
            assertThat(changes).hasSize(2_500).allSatisfy(change -> assertThat(change.position().changeNo()).isEqualTo(before + 1));
        }
    }

    private static List<ArxivId> named(Database db, long member) {
        return db.jdbi().withHandle(h -> NamedPapers.of(h, member));
    }
}
