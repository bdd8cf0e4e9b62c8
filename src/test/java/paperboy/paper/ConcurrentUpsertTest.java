package paperboy.paper;

import static org.assertj.core.api.Assertions.assertThat;
import static paperboy.paper.PaperBuilder.fromArxiv;
import static paperboy.paper.PaperBuilder.fromDailyPapers;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import paperboy.db.Database;
import paperboy.db.StoreTest;

/**
 * Two writers (two nodes, or a harvest beside an import) upserting the same papers at once: each
 * merge must see the other's committed write, so no field is lost and every change is numbered.
 */
class ConcurrentUpsertTest {
    private static final int PAPERS = 200;

    @StoreTest
    void concurrentWritersOfTheSamePapersLoseNothing(Database db) throws Exception {
        PaperStore store = new PaperStore(db.jdbi());
        List<PaperUpdate> snapshot = new ArrayList<>();
        List<PaperUpdate> daily = new ArrayList<>();
        for (int i = 1; i <= PAPERS; i++) {
            String id = String.format("2608.%05d", i);
            snapshot.add(PaperUpdate.of(fromArxiv(id).build()));
            daily.add(PaperUpdate.of(fromDailyPapers(id).upvotes(i).build()));
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Void>> done = new ArrayList<>();
            for (List<PaperUpdate> source : List.of(snapshot, daily)) {
                done.add(pool.submit((Callable<Void>) () -> {
                    for (int from = 0; from < PAPERS; from += 10) {
                        store.upsert(source.subList(from, from + 10), "test");
                    }
                    return null;
                }));
            }
            for (Future<Void> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }

        for (int i = 1; i <= PAPERS; i++) {
            Paper p = store.find(ArxivId.parse(String.format("2608.%05d", i))).orElseThrow();
            assertThat(p.categories()).as("categories of %s", p.id()).containsExactly("cs.CL", "cs.LG");
            assertThat(p.community().upvotes()).as("upvotes of %s", p.id()).isEqualTo(i);
        }
        assertThat(store.changesSince(Change.Position.START, 10 * PAPERS)).hasSize(PAPERS);
    }
}
