package paperboy.paper;

import static org.assertj.core.api.Assertions.assertThat;
import static paperboy.paper.PaperBuilder.fromArxiv;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import paperboy.MovingClock;
import paperboy.db.Database;
import paperboy.db.StoreTest;
import paperboy.db.StoreUrl;

/**
 * The change number pages are cached by, kept in memory: this store's writes are seen as they
 * commit, another writer's (a second pool on the same store, as another process or node has) once
 * the poll interval has passed, and not before; the clock is the test's, so no time is waited.
 */
class KnownChangeTest {
    private static final Duration POLL = Duration.ofSeconds(1);
    static final Instant START = Instant.parse("2026-12-01T12:00:00Z");

    @StoreTest
    void ownWritesAreSeenAtOnceAndOtherWritersWithinThePollInterval(Database db, StoreUrl url) {
        MovingClock clock = new MovingClock(START);
        PaperStore here = new PaperStore(db.jdbi(), POLL, clock);
        long start = here.knownChangeNo();
        assertThat(start).isEqualTo(here.lastChangeNo());

        here.upsert(List.of(PaperUpdate.of(fromArxiv("2608.00001").build())), "test");
        assertThat(here.knownChangeNo()).isEqualTo(here.lastChangeNo()).isGreaterThan(start);

        try (Database other = Database.open(url.value())) {
            PaperStore elsewhere = new PaperStore(other.jdbi());
            elsewhere.upsert(List.of(PaperUpdate.of(fromArxiv("2608.00002").build())), "test");
            long written = elsewhere.lastChangeNo();
            assertThat(here.knownChangeNo()).as("within the poll interval").isLessThan(written);

            clock.advance(POLL);
            assertThat(here.knownChangeNo()).as("once the interval has passed").isEqualTo(written);
        }
    }

    @StoreTest
    void aWithdrawalIsSeenAtOnceAndARolledBackWriteNever(Database db) {
        PaperStore here = new PaperStore(db.jdbi(), Duration.ofDays(1), new MovingClock(START));
        here.upsert(List.of(PaperUpdate.of(fromArxiv("2608.00001").build())), "test");
        long before = here.knownChangeNo();
        try {
            db.jdbi().useTransaction(h -> {
                here.upsert(h, List.of(PaperUpdate.of(fromArxiv("2608.00002").build())), "test");
                throw new IllegalStateException("rolled back");
            });
        } catch (IllegalStateException expected) {
            // the write is undone, and so is its change number
        }
        assertThat(here.knownChangeNo()).isEqualTo(before).isEqualTo(here.lastChangeNo());

        here.markWithdrawn(List.of(ArxivId.parse("2608.00001")), Instant.parse("2026-12-01T00:00:00Z"));
        assertThat(here.knownChangeNo()).isEqualTo(here.lastChangeNo()).isGreaterThan(before);
    }
}
