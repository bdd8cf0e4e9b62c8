package paperboy;

import java.io.PrintStream;
import java.time.Clock;
import paperboy.account.Accounts;
import paperboy.config.Config;
import paperboy.db.Database;
import paperboy.ingest.ImportLog;
import paperboy.ingest.Importer;
import paperboy.mail.MailTransport;
import paperboy.paper.PaperStore;
import paperboy.subscription.ConfirmationMails;
import paperboy.subscription.SiteLinks;
import paperboy.subscription.SubscriberStore;
import paperboy.subscription.Subscriptions;

/**
 * The store of a data folder without its search index: for an import, or the {@code user}
 * command, while another process (a running {@code paperboy serve}) holds the index. The store takes writers in turn; the process
 * holding the index follows the store and indexes what is written here.
 */
public final class StoreOnly implements AutoCloseable {
    private final Database database;
    private final PaperStore papers;
    private final Config config;
    private ConfirmationMails confirmations = ConfirmationMails.off();

    public StoreOnly(Config config) {
        this.config = config;
        this.database = Database.open(config.storeUrl());
        this.papers = new PaperStore(database.jdbi());
    }

    /** The members, sessions and API tokens of the store ({@code paperboy user}). */
    public Accounts accounts() {
        return App.accounts(config, database, papers);
    }

    /**
     * The subscriptions, for {@code paperboy subscriber} beside a running serve; confirmation mails
     * go out when the base URL is set (they need it for their link).
     */
    public synchronized Subscriptions subscriptions() {
        if (config.baseUrl() != null && !confirmations.isOn()) {
            confirmations = new ConfirmationMails(MailTransport.of(config), new SiteLinks(config.baseUrl()), Clock.systemUTC());
        }
        return new Subscriptions(new SubscriberStore(database.jdbi()), confirmations, Clock.systemUTC());
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
        try {
            confirmations.close(); // the confirmation mails queued by subscriber add
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        database.close();
    }
}
