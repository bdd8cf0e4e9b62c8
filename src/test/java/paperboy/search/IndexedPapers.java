package paperboy.search;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import paperboy.db.Database;
import paperboy.paper.PaperStore;
import paperboy.paper.PaperUpdate;

/** Hand-made papers in a SQLite store under a test's folder, and a keyword index caught up with it. */
record IndexedPapers(Database db, PaperIndex index) implements AutoCloseable {
    static IndexedPapers of(Path dir, List<PaperUpdate> papers) {
        Database db = Database.open("jdbc:sqlite:" + dir.resolve("p.db"));
        PaperStore store = new PaperStore(db.jdbi());
        store.upsert(papers, "test");
        PaperIndex index = new PaperIndex(dir.resolve("index"));
        index.catchUp(store);
        return new IndexedPapers(db, index);
    }

    @Override
    public void close() throws IOException {
        index.close();
        db.close();
    }
}
