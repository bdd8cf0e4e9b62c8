package paperboy.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;

/**
 * The one home of the relational store: opens a pool for SQLite (a file, WAL) or PostgreSQL,
 * migrates it with Flyway from the folder of its dialect, and hands out a {@link Jdbi}.
 * Feature packages own their tables and SQL; they only share this connection.
 */
public final class Database implements AutoCloseable {
    private final HikariDataSource dataSource;
    private final Dialect dialect;
    private final Jdbi jdbi;

    private Database(HikariDataSource dataSource, Dialect dialect) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.jdbi = Jdbi.create(dataSource);
    }

    /** Opens and migrates the store at {@code url}, a {@code jdbc:sqlite:} or {@code jdbc:postgresql:} URL. */
    public static Database open(String url) {
        Dialect dialect = Dialect.of(url);
        HikariDataSource dataSource = new HikariDataSource(poolConfig(url, dialect));
        try {
            migrate(dataSource, dialect);
            return new Database(dataSource, dialect);
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** True when a trivial query answers; used by {@code /healthz}. */
    public boolean isReachable() {
        try {
            return jdbi.withHandle(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one()) == 1;
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }

    private static HikariConfig poolConfig(String url, Dialect dialect) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setPoolName("paperboy-store");
        if (dialect == Dialect.SQLITE) {
            createParentFolder(url);
            // WAL lets readers go on while one writer commits; NORMAL sync is durable in WAL mode
            // across application crashes (only an OS crash can lose the last commits).
            config.addDataSourceProperty("journal_mode", "WAL");
            config.addDataSourceProperty("synchronous", "NORMAL");
            config.addDataSourceProperty("busy_timeout", "10000");
            config.addDataSourceProperty("foreign_keys", "true");
            // A write transaction takes the write lock when it begins, not at its first write, so
            // one that read first cannot fail with SQLITE_BUSY when another committed meanwhile.
            config.addDataSourceProperty("transaction_mode", "IMMEDIATE");
            config.setMaximumPoolSize(8);
        } else {
            config.setMaximumPoolSize(10);
        }
        return config;
    }

    private static void createParentFolder(String url) {
        String path = url.substring("jdbc:sqlite:".length());
        int query = path.indexOf('?');
        if (query >= 0) {
            path = path.substring(0, query);
        }
        if (path.isEmpty() || path.startsWith(":memory:") || path.startsWith("file:")) {
            return;
        }
        Path parent = Path.of(path).toAbsolutePath().getParent();
        try {
            Files.createDirectories(parent);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot create the data folder " + parent + ": " + e.getMessage(), e);
        }
    }

    private static void migrate(HikariDataSource dataSource, Dialect dialect) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/" + dialect.folder())
                .load()
                .migrate();
    }
}
