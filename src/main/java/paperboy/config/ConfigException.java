package paperboy.config;

/** A configuration value that cannot be used; the message names the key so the operator can fix it. */
public final class ConfigException extends RuntimeException {
    public ConfigException(String key, String value, String expected) {
        super("invalid " + key + "=" + value + ": expected " + expected);
    }

    /** A setting that is missing; {@code message} names the key and how to set it. */
    public ConfigException(String message) {
        super(message);
    }
}
