package paperboy.config;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Builds a {@link Config} from, lowest precedence first: defaults, the properties file named by
 * {@code PAPERBOY_CONFIG} (same keys as the environment, e.g. {@code PAPERBOY_PORT=8080}), and the
 * environment. Command-line flags are applied on top by the commands themselves.
 */
public final class ConfigLoader {
    /** The levels of logback, the log behind SLF4J. */
    public static final List<String> LOG_LEVELS = List.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "OFF");

    private final Map<String, String> values;

    public ConfigLoader(Map<String, String> environment) {
        this.values = merged(environment);
    }

    public static ConfigLoader fromSystem() {
        return new ConfigLoader(System.getenv());
    }

    /** The config; fails with a {@link ConfigException} naming the key of the first invalid value (the log level too). */
    public Config load() {
        logLevel();
        return new Config(
                integer("PAPERBOY_PORT", Config.DEFAULT_PORT),
                Path.of(values.getOrDefault("PAPERBOY_DATA", "data")),
                dbUrl(),
                bool("PAPERBOY_SAMPLE", true),
                arxiv(),
                search(),
                baseUrl(),
                new MetricsSettings(bool("PAPERBOY_METRICS", true), values.get("PAPERBOY_METRICS_TOKEN")),
                new MailSettingsLoader(values).load(),
                new DigestSettings(timeOfDay("PAPERBOY_DIGEST_AT", DigestSettings.DEFAULT_AT),
                        integer("PAPERBOY_DIGEST_SIZE", DigestSettings.DEFAULT_SIZE)),
                accounts(),
                new CommunitySettings(integer("PAPERBOY_SUBMIT_MAX_AGE_DAYS", CommunitySettings.DEFAULTS.submitMaxAgeDays()),
                        integer("PAPERBOY_SUBMIT_DAILY_LIMIT", CommunitySettings.DEFAULTS.submitDailyLimit()),
                        integer("PAPERBOY_WRITES_PER_MINUTE", CommunitySettings.DEFAULTS.writesPerMinute())));
    }

    private AccountSettings accounts() {
        return new AccountSettings(
                Duration.ofHours(positive("PAPERBOY_SESSION_IDLE_HOURS", AccountSettings.DEFAULTS.sessionIdle().toHours())),
                Duration.ofDays(positive("PAPERBOY_SESSION_MAX_DAYS", AccountSettings.DEFAULTS.sessionLifetime().toDays())));
    }

    /** A whole number of at least 1 (and at most ten years of hours). */
    private long positive(String key, long fallback) {
        String raw = values.get(key);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            long value = Long.parseLong(raw.strip());
            if (value >= 1 && value <= 87_600) {
                return value;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new ConfigException(key, raw, "a whole number from 1 to 87600");
    }

    /**
     * The site's public address for absolute links ({@code https://papers.example.org}, or with a
     * path when served below one), without a trailing slash; null when unset. A query or fragment
     * could not be joined with a path, so it is refused.
     */
    private URI baseUrl() {
        String key = "PAPERBOY_BASE_URL";
        URI uri = url(key, null);
        if (uri == null) {
            return null;
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw new ConfigException(key, values.get(key), "an http(s) URL without user, query or fragment, e.g. https://papers.example.org");
        }
        String text = uri.toString();
        return URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
    }

    /** Unset fusion and floor are the configured model's tuned ones. */
    private SearchSettings search() {
        String model = SearchSettings.embeddingModel(values.get("PAPERBOY_EMBEDDING_MODEL"));
        return new SearchSettings(bool("PAPERBOY_EMBEDDINGS", true), values.get("PAPERBOY_VECTOR_FORMAT"),
                values.get("PAPERBOY_FUSION"), similarityFloor(SearchSettings.tuning(model).similarityFloor()),
                millis("PAPERBOY_SEARCH_TIMEOUT_MS", SearchSettings.DEFAULT_TIMEOUT), model);
    }

    private double similarityFloor(double tuned) {
        String key = "PAPERBOY_SIMILARITY_FLOOR";
        String raw = values.get(key);
        if (raw == null || raw.isBlank()) {
            return tuned;
        }
        try {
            return Double.parseDouble(raw.strip()); // SearchSettings checks the range
        } catch (NumberFormatException e) {
            throw new ConfigException(key, raw, "a cosine similarity from -1 (no floor) to 1");
        }
    }

    /**
     * The level of Paperboy's log ({@code PAPERBOY_LOG_LEVEL}, from the environment or the
     * {@code PAPERBOY_CONFIG} file), upper case: one of {@link #LOG_LEVELS}; INFO when unset.
     */
    public String logLevel() {
        String raw = values.get("PAPERBOY_LOG_LEVEL");
        if (raw == null || raw.isBlank()) {
            return "INFO";
        }
        String level = raw.strip().toUpperCase(Locale.ROOT);
        if (!LOG_LEVELS.contains(level)) {
            throw new ConfigException("PAPERBOY_LOG_LEVEL", raw, "one of " + String.join(", ", LOG_LEVELS));
        }
        return level;
    }

    private ArxivSettings arxiv() {
        return new ArxivSettings(
                url("PAPERBOY_OAI_URL", ArxivSettings.DEFAULT_OAI_URL),
                url("PAPERBOY_ARXIV_API_URL", ArxivSettings.DEFAULT_API_URL),
                seconds("PAPERBOY_ARXIV_DELAY", ArxivSettings.DEFAULT_DELAY),
                values.get("PAPERBOY_CONTACT"),
                list("PAPERBOY_HARVEST_SETS"),
                timeOfDay("PAPERBOY_HARVEST_AT", ArxivSettings.DEFAULT_HARVEST_AT),
                list("PAPERBOY_FEATURE_CATEGORIES"),
                values.get("PAPERBOY_FEATURE_QUERY"));
    }

    private URI url(String key, URI fallback) {
        String raw = values.get(key);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            URI uri = new URI(raw.strip());
            if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                throw new ConfigException(key, raw, "an http(s) URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new ConfigException(key, raw, "an http(s) URL");
        }
    }

    private Duration seconds(String key, Duration fallback) {
        String raw = values.get(key);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            BigDecimal seconds = new BigDecimal(raw.strip());
            if (seconds.signum() < 0) {
                throw new ConfigException(key, raw, "a number of seconds >= 0");
            }
            return Duration.ofMillis(seconds.movePointRight(3).longValueExact());
        } catch (NumberFormatException | ArithmeticException e) {
            throw new ConfigException(key, raw, "a number of seconds >= 0");
        }
    }

    /** A whole number of milliseconds, at least 1. */
    private Duration millis(String key, Duration fallback) {
        String raw = values.get(key);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            long millis = Long.parseLong(raw.strip());
            if (millis >= 1) {
                return Duration.ofMillis(millis);
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new ConfigException(key, raw, "a whole number of milliseconds >= 1");
    }

    private LocalTime timeOfDay(String key, LocalTime fallback) {
        String raw = values.get(key);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            return LocalTime.parse(raw.strip(), DateTimeFormatter.ofPattern("HH:mm"));
        } catch (DateTimeParseException e) {
            throw new ConfigException(key, raw, "a UTC time of day as HH:MM, e.g. 02:00");
        }
    }

    /** A comma-separated list, blanks dropped: "cs, stat" is [cs, stat]. */
    private List<String> list(String key) {
        String raw = values.get(key);
        if (raw == null || raw.isBlank()) {
            return List.of();
        }
        return Arrays.stream(raw.split(",")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
    }

    private String dbUrl() {
        String url = values.get("PAPERBOY_DB_URL");
        if (url == null || url.isBlank()) {
            return null;
        }
        if (!url.startsWith("jdbc:postgresql:") && !url.startsWith("jdbc:sqlite:")) {
            throw new ConfigException("PAPERBOY_DB_URL", url, "a jdbc:postgresql: or jdbc:sqlite: URL");
        }
        return url;
    }

    private int integer(String key, int fallback) {
        String raw = values.get(key);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(raw.strip());
        } catch (NumberFormatException e) {
            throw new ConfigException(key, raw, "a whole number");
        }
    }

    private boolean bool(String key, boolean fallback) {
        String raw = values.get(key);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        return switch (raw.strip().toLowerCase()) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw new ConfigException(key, raw, "on or off");
        };
    }

    private static Map<String, String> merged(Map<String, String> environment) {
        Map<String, String> result = new HashMap<>();
        String file = environment.get("PAPERBOY_CONFIG");
        if (file != null && !file.isBlank()) {
            result.putAll(readProperties(Path.of(file)));
        }
        environment.forEach((k, v) -> {
            if (k.startsWith("PAPERBOY_")) {
                result.put(k, v);
            }
        });
        return result;
    }

    private static Map<String, String> readProperties(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new ConfigException("PAPERBOY_CONFIG", file.toString(), "a readable properties file (" + e.getMessage() + ")");
        }
        Map<String, String> result = new HashMap<>();
        properties.stringPropertyNames().forEach(k -> result.put(k, properties.getProperty(k)));
        return result;
    }
}
