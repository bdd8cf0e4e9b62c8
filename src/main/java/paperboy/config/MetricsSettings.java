package paperboy.config;

/**
 * Whether {@code serve} measures itself and who may read the measurements at {@code /metrics}.
 *
 * @param on    whether requests, searches and the rest are measured and {@code /metrics} answers
 *              ({@code PAPERBOY_METRICS}, on unless {@code off})
 * @param token the bearer token a reader must present ({@code PAPERBOY_METRICS_TOKEN}); null when
 *              unset, and then only clients on the loopback address may read {@code /metrics}
 */
public record MetricsSettings(boolean on, String token) {
    /** Measured, readable from the loopback address only. */
    public static final MetricsSettings DEFAULTS = new MetricsSettings(true, null);

    public MetricsSettings {
        token = token == null || token.isBlank() ? null : token.strip();
    }

    /** Whether a token is set, so that anyone presenting it may read, from any address. */
    public boolean hasToken() {
        return token != null;
    }

    /** The token is a secret: it never shows in logs or messages. */
    @Override
    public String toString() {
        return "MetricsSettings[on=" + on + ", token=" + (hasToken() ? "(set)" : "(none)") + "]";
    }
}
