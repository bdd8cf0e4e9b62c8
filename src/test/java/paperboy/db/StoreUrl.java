package paperboy.db;

/**
 * The JDBC URL of the fresh store a {@link StoreTest} runs against, for a test that opens it again:
 * as a second node ({@code Database.open(url.value())}) or through {@code App} with
 * {@code Config.dbUrl}.
 */
public record StoreUrl(String value) {}
