package paperboy.config;

import java.net.URI;
import java.nio.file.Path;

/**
 * Everything Paperboy is told at start, read once from {@code PAPERBOY_*} environment variables,
 * an optional properties file and command-line flags (see {@link ConfigLoader}), then passed
 * around as this immutable record.
 *
 * @param port       HTTP port of {@code serve}
 * @param dataDir    folder holding the SQLite file and the Lucene index
 * @param dbUrl      JDBC URL of the store; {@code null} means the SQLite file in {@code dataDir}
 * @param loadSample whether an empty store is filled with the bundled sample on start
 * @param arxiv      harvesting and fetching from arXiv
 * @param search     embeddings, vector format and fusion; the shorter constructors, for tests and
 *                   tools, turn embeddings off so that they do not load the model
 * @param baseUrl    the public address of the site ({@code PAPERBOY_BASE_URL}), without a trailing
 *                   slash, for absolute links (sitemap, canonical, feeds); {@code null} means each
 *                   request's own scheme and Host
 * @param metrics    whether {@code serve} measures itself and who may read {@code /metrics}
 * @param mail       how mail is sent: through an SMTP server, or written as {@code .eml} files
 * @param digest     when email digests go out and how many papers they list
 * @param accounts   how long log-ins last
 * @param community  what members may submit and how often they may write
 */
public record Config(int port, Path dataDir, String dbUrl, boolean loadSample, ArxivSettings arxiv, SearchSettings search,
        URI baseUrl, MetricsSettings metrics, MailSettings mail, DigestSettings digest,
        AccountSettings accounts, CommunitySettings community) {

    public static final int DEFAULT_PORT = 7070;

    public Config {
        if (port < 0 || port > 65535) {
            throw new ConfigException("port (--port or PAPERBOY_PORT)", Integer.toString(port), "a port from 0 to 65535");
        }
        dataDir = dataDir.toAbsolutePath().normalize();
        arxiv = arxiv == null ? ArxivSettings.defaults() : arxiv;
        search = search == null ? SearchSettings.KEYWORDS_ONLY : search;
        metrics = metrics == null ? MetricsSettings.DEFAULTS : metrics;
        mail = mail == null ? MailSettings.FILES : mail;
        digest = digest == null ? DigestSettings.DEFAULTS : digest;
        accounts = accounts == null ? AccountSettings.DEFAULTS : accounts;
        community = community == null ? CommunitySettings.DEFAULTS : community;
    }

    public Config withCommunity(CommunitySettings newCommunity) {
        return new Config(port, dataDir, dbUrl, loadSample, arxiv, search, baseUrl, metrics, mail, digest, accounts, newCommunity);
    }

    /** A config with mail written as {@code .eml} files and the default session limits. */
    public Config(int port, Path dataDir, String dbUrl, boolean loadSample, ArxivSettings arxiv, SearchSettings search,
            URI baseUrl, MetricsSettings metrics) {
        this(port, dataDir, dbUrl, loadSample, arxiv, search, baseUrl, metrics, MailSettings.FILES, DigestSettings.DEFAULTS,
                AccountSettings.DEFAULTS, CommunitySettings.DEFAULTS);
    }

    /** Whether the site's public address is https, so that cookies are marked {@code Secure}. */
    public boolean httpsOnly() {
        return baseUrl != null && "https".equalsIgnoreCase(baseUrl.getScheme());
    }

    public Config withAccounts(AccountSettings newAccounts) {
        return new Config(port, dataDir, dbUrl, loadSample, arxiv, search, baseUrl, metrics, mail, digest, newAccounts, community);
    }

    /**
     * A config whose absolute links follow each request's Host, with the default metrics (on, read
     * from the loopback address only) and mail written as {@code .eml} files.
     */
    public Config(int port, Path dataDir, String dbUrl, boolean loadSample, ArxivSettings arxiv, SearchSettings search) {
        this(port, dataDir, dbUrl, loadSample, arxiv, search, (URI) null, MetricsSettings.DEFAULTS, MailSettings.FILES, DigestSettings.DEFAULTS,
                AccountSettings.DEFAULTS, CommunitySettings.DEFAULTS);
    }

    /** A config with arXiv's defaults (no contact, no scheduled harvest) and embeddings off. */
    public Config(int port, Path dataDir, String dbUrl, boolean loadSample) {
        this(port, dataDir, dbUrl, loadSample, ArxivSettings.defaults());
    }

    /** A config with embeddings off. */
    public Config(int port, Path dataDir, String dbUrl, boolean loadSample, ArxivSettings arxiv) {
        this(port, dataDir, dbUrl, loadSample, arxiv, SearchSettings.KEYWORDS_ONLY);
    }

    /** The JDBC URL to open: the configured one, or the SQLite file in the data folder. */
    public String storeUrl() {
        return dbUrl != null ? dbUrl : "jdbc:sqlite:" + dataDir.resolve("paperboy.db");
    }

    public Path indexDir() {
        return dataDir.resolve("index");
    }

    public Config withPort(int newPort) {
        return new Config(newPort, dataDir, dbUrl, loadSample, arxiv, search, baseUrl, metrics, mail, digest, accounts, community);
    }

    public Config withoutSample() {
        return new Config(port, dataDir, dbUrl, false, arxiv, search, baseUrl, metrics, mail, digest, accounts, community);
    }

    public Config withDataDir(Path newDataDir) {
        return new Config(port, newDataDir, dbUrl, loadSample, arxiv, search, baseUrl, metrics, mail, digest, accounts, community);
    }

    public Config withEmbeddings(boolean on) {
        return withSearch(search.withEmbeddings(on));
    }

    public Config withSearch(SearchSettings newSearch) {
        return new Config(port, dataDir, dbUrl, loadSample, arxiv, newSearch, baseUrl, metrics, mail, digest, accounts, community);
    }

    public boolean embeddings() {
        return search.embeddings();
    }

    public Config withBaseUrl(URI newBaseUrl) {
        return new Config(port, dataDir, dbUrl, loadSample, arxiv, search, newBaseUrl, metrics, mail, digest, accounts, community);
    }

    public Config withArxiv(ArxivSettings newArxiv) {
        return new Config(port, dataDir, dbUrl, loadSample, newArxiv, search, baseUrl, metrics, mail, digest, accounts, community);
    }

    public Config withMetrics(MetricsSettings newMetrics) {
        return new Config(port, dataDir, dbUrl, loadSample, arxiv, search, baseUrl, newMetrics, mail, digest, accounts, community);
    }

    public Config withMail(MailSettings newMail) {
        return new Config(port, dataDir, dbUrl, loadSample, arxiv, search, baseUrl, metrics, newMail, digest, accounts, community);
    }

    public Config withDigest(DigestSettings newDigest) {
        return new Config(port, dataDir, dbUrl, loadSample, arxiv, search, baseUrl, metrics, mail, newDigest, accounts, community);
    }

    /** The folder {@code .eml} files are written to when no SMTP server is configured. */
    public Path mailDir() {
        return dataDir.resolve("mail");
    }

    /**
     * The site's public address for the links in a mail, which has no request to take a host from:
     * sending mail requires {@code PAPERBOY_BASE_URL}.
     *
     * @throws ConfigException naming the key when it is not set
     */
    public URI requireMailBaseUrl() {
        if (baseUrl == null) {
            throw new ConfigException("PAPERBOY_BASE_URL is not set: every link in a mail needs the site's public address,"
                    + " e.g. PAPERBOY_BASE_URL=https://papers.example.org");
        }
        return baseUrl;
    }
}
