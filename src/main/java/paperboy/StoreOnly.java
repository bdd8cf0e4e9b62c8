package paperboy;

import java.io.PrintStream;
import java.time.Clock;
import paperboy.account.Accounts;
import paperboy.config.Config;
import paperboy.db.Database;
import paperboy.ingest.ImportLog;
import paperboy.ingest.Importer;
import paperboy.paper.PaperStore;

/**
 * The store of a data folder without its search index: for an import, or the {@code user}
 * command, while another process (a running {@code paperboy serve}) holds the index. The store takes writers in turn; the process
 * holding the index follows the store and indexes what is written here.
 */
public final class StoreOnly implements AutoCloseable {
    private final Database database;
    private final PaperStore papers;
    private final Config config;

    public StoreOnly(Config config) {
        this.config = config;
        this.database = Database.open(config.storeUrl());
        this.papers = new PaperStore(database.jdbi());
    }

    /** The members, sessions and API tokens of the store ({@code paperboy user}). */
    public Accounts accounts() {
        return App.accounts(config, database);
    }

    public PaperStore papers() {
        return papers;
    }

    /** An importer into the store alone; nothing is handed to an index. */
    public Importer importer(PrintStream progress) {
        return new Importer(new ImportLog(database.jdbi(), papers, Clock.systemUTC(), changes -> {}), progress);
    }

    @Override
    public void close() {
        database.close();
    }
}
