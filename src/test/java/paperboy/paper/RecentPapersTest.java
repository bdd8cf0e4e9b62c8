package paperboy.paper;

import static org.assertj.core.api.Assertions.assertThat;
import static paperboy.paper.PaperBuilder.fromArxiv;

import java.time.Duration;
import java.util.List;
import paperboy.MovingClock;
import paperboy.db.Database;
import paperboy.db.StoreTest;
import paperboy.db.StoreUrl;

/**
 * Papers read by id are kept for as long as the store stays at the change number they were read
 * at: read again from memory, read afresh after any write (this store's at once, another writer's
 * once the change poll has seen it).
 */
class RecentPapersTest {
    private static final Duration POLL = Duration.ofSeconds(1);
    private static final ArxivId FIRST = ArxivId.parse("2608.00001");
    private static final ArxivId SECOND = ArxivId.parse("2608.00002");

    @StoreTest
    void aPaperReadAgainAtTheSameChangeNumberComesFromMemory(Database db) {
        PaperStore store = new PaperStore(db.jdbi(), POLL, new MovingClock(KnownChangeTest.START));
        store.upsert(List.of(PaperUpdate.of(fromArxiv(FIRST.value()).title("Read once").build())), "test");
        assertThat(store.findAll(List.of(FIRST))).extracting(Paper::title).containsExactly("Read once");

        // Behind the store's back (no change number): what is in memory is what the next read gets.
        db.jdbi().useHandle(h -> h.execute("UPDATE papers SET title = 'Changed unseen' WHERE id = ?", FIRST.value()));

        assertThat(store.findAll(List.of(FIRST))).extracting(Paper::title).containsExactly("Read once");
    }

    @StoreTest
    void anyWriteOfTheStoreIsSeenByTheNextRead(Database db) {
        PaperStore store = new PaperStore(db.jdbi(), POLL, new MovingClock(KnownChangeTest.START));
        store.upsert(List.of(PaperUpdate.of(fromArxiv(FIRST.value()).title("Old title").build())), "test");
        store.findAll(List.of(FIRST));

        store.upsert(List.of(PaperUpdate.of(fromArxiv(FIRST.value()).version(2).title("New title").build())), "test");

        assertThat(store.findAll(List.of(FIRST))).extracting(Paper::title).containsExactly("New title");
    }

    @StoreTest
    void anotherWritersChangeIsSeenOnceThePollHasSeenIt(Database db, StoreUrl url) {
        MovingClock clock = new MovingClock(KnownChangeTest.START);
        PaperStore here = new PaperStore(db.jdbi(), POLL, clock);
        here.upsert(List.of(PaperUpdate.of(fromArxiv(FIRST.value()).title("Old title").build())), "test");
        here.findAll(List.of(FIRST));
        try (Database other = Database.open(url.value())) {
            new PaperStore(other.jdbi()).upsert(
                    List.of(PaperUpdate.of(fromArxiv(FIRST.value()).version(2).title("New title").build())), "test");

            clock.advance(POLL);

            assertThat(here.findAll(List.of(FIRST))).extracting(Paper::title).containsExactly("New title");
        }
    }

    @StoreTest
    void papersComeInTheOrderAskedWithUnknownIdsLeftOut(Database db) {
        PaperStore store = new PaperStore(db.jdbi(), POLL, new MovingClock(KnownChangeTest.START));
        store.upsert(List.of(PaperUpdate.of(fromArxiv(FIRST.value()).build()), PaperUpdate.of(fromArxiv(SECOND.value()).build())),
                "test");
        store.findAll(List.of(SECOND)); // one from memory, one from the store

        assertThat(store.findAll(List.of(SECOND, ArxivId.parse("2608.09999"), FIRST, SECOND)))
                .extracting(Paper::id).containsExactly(SECOND, FIRST, SECOND);
    }
}
