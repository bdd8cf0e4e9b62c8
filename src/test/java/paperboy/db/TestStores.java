package paperboy.db;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;

/**
 * Gives each {@link StoreTest} a fresh, migrated store, once per dialect, as a {@link Database}
 * parameter, and its {@link StoreUrl} to any test that asks for one:
 * <ul>
 *   <li>SQLite: a new file in a temporary folder, deleted afterwards;</li>
 *   <li>PostgreSQL at {@code PAPERBOY_TEST_PG_URL} (default {@value #DEFAULT_PG_URL}): a schema
 *       {@code t_<random>} of its own, reached with {@code currentSchema=}, dropped afterwards, so
 *       tests never see each other's rows.</li>
 * </ul>
 * When PostgreSQL does not answer, its runs are skipped with the reason, unless
 * {@code PAPERBOY_REQUIRE_PG=1} (as in CI), where they fail with it.
 */
public final class TestStores implements TestTemplateInvocationContextProvider {
    static final String DEFAULT_PG_URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return true;
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        return Stream.of(new Run(Dialect.SQLITE), new Run(Dialect.POSTGRESQL));
    }

    static String postgresUrl() {
        String url = System.getenv("PAPERBOY_TEST_PG_URL");
        return url == null || url.isBlank() ? DEFAULT_PG_URL : url;
    }

    /** One run of a test against one dialect: opens the store before it, removes it after. */
    private record Run(Dialect dialect) implements TestTemplateInvocationContext {
        @Override
        public String getDisplayName(int invocationIndex) {
            return dialect.folder();
        }

        @Override
        public List<Extension> getAdditionalExtensions() {
            return List.of(new FreshStore(dialect));
        }
    }

    /** Opens the store in {@code beforeEach}, hands it to the test, closes and deletes it in {@code afterEach}. */
    private static final class FreshStore implements BeforeEachCallback, AfterEachCallback, ParameterResolver {
        private final Dialect dialect;
        private Database database;
        private String url;
        private Path sqliteFolder;
        private String pgSchema;

        FreshStore(Dialect dialect) {
            this.dialect = dialect;
        }

        @Override
        public void beforeEach(ExtensionContext context) throws Exception {
            if (dialect == Dialect.SQLITE) {
                sqliteFolder = Files.createTempDirectory("paperboy-store-test");
                url = "jdbc:sqlite:" + sqliteFolder.resolve("p.db");
            } else {
                String server = postgresUrl();
                String schema = "t_" + UUID.randomUUID().toString().replace("-", "");
                try (Connection c = connect(server); Statement s = c.createStatement()) {
                    s.execute("CREATE SCHEMA " + schema);
                }
                pgSchema = schema;
                url = server + (server.contains("?") ? "&" : "?") + "currentSchema=" + pgSchema;
            }
            database = Database.open(url);
        }

        @Override
        public void afterEach(ExtensionContext context) throws Exception {
            if (database != null) {
                database.close();
            }
            if (sqliteFolder != null) {
                try (Stream<Path> files = Files.list(sqliteFolder)) {
                    for (Path f : files.toList()) {
                        Files.delete(f);
                    }
                }
                Files.delete(sqliteFolder);
            }
            if (pgSchema != null) {
                try (Connection c = connect(postgresUrl()); Statement s = c.createStatement()) {
                    s.execute("DROP SCHEMA " + pgSchema + " CASCADE");
                }
            }
        }

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            Class<?> type = parameter.getParameter().getType();
            return type == Database.class || type == StoreUrl.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == Database.class ? database : new StoreUrl(url);
        }

        /** A plain connection for creating and dropping the schema; skips or fails the test when there is none. */
        private static Connection connect(String url) {
            Properties options = new Properties();
            options.setProperty("connectTimeout", "5");
            try {
                return DriverManager.getConnection(url, options);
            } catch (SQLException e) {
                String reason = "PostgreSQL is not reachable at " + url + " (" + e.getMessage() + "); set "
                        + "PAPERBOY_TEST_PG_URL to test against it";
                if ("1".equals(System.getenv("PAPERBOY_REQUIRE_PG"))) {
                    throw new AssertionError(reason + " (PAPERBOY_REQUIRE_PG=1, so this fails)", e);
                }
                System.err.println("skipped: " + reason);
                return Assumptions.abort(reason);
            }
        }
    }
}
