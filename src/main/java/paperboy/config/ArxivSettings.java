package paperboy.config;

import java.net.URI;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;

/**
 * How Paperboy talks to arXiv and what it does with what it harvests: the two endpoints, the pause
 * between requests, the operator's contact for the User-Agent, the sets the daily harvest follows
 * and when, and the rule that features new papers automatically.
 *
 * @param oaiUrl            OAI-PMH base URL ({@code PAPERBOY_OAI_URL})
 * @param apiUrl            arXiv API query URL ({@code PAPERBOY_ARXIV_API_URL})
 * @param delay             least time between two requests to arXiv ({@code PAPERBOY_ARXIV_DELAY})
 * @param contact           how arXiv can reach the operator ({@code PAPERBOY_CONTACT}); null when not set
 * @param harvestSets       OAI sets the scheduled harvest follows; empty turns it off
 * @param harvestAt         UTC time of day of the scheduled harvest
 * @param featureCategories new papers in any of these categories are featured automatically
 * @param featureQuery      a search query new papers must also match to be featured; null for none
 */
public record ArxivSettings(
        URI oaiUrl,
        URI apiUrl,
        Duration delay,
        String contact,
        List<String> harvestSets,
        LocalTime harvestAt,
        List<String> featureCategories,
        String featureQuery) {

    public static final URI DEFAULT_OAI_URL = URI.create("https://oaipmh.arxiv.org/oai");
    public static final URI DEFAULT_API_URL = URI.create("https://export.arxiv.org/api/query");
    public static final Duration DEFAULT_DELAY = Duration.ofSeconds(3);
    /** After arXiv's nightly announcement (around 00:00-01:00 UTC) has reached OAI-PMH. */
    public static final LocalTime DEFAULT_HARVEST_AT = LocalTime.of(2, 0);

    public ArxivSettings {
        oaiUrl = httpUrl("PAPERBOY_OAI_URL", oaiUrl);
        apiUrl = httpUrl("PAPERBOY_ARXIV_API_URL", apiUrl);
        if (delay == null || delay.isNegative()) {
            throw new ConfigException("PAPERBOY_ARXIV_DELAY", String.valueOf(delay), "a number of seconds >= 0");
        }
        contact = contact == null || contact.isBlank() ? null : contact.strip();
        if (contact != null && contact.chars().anyMatch(c -> c < 0x20 || c > 0x7e)) {
            throw new ConfigException("PAPERBOY_CONTACT", contact, "an email address or URL in plain ASCII");
        }
        harvestSets = List.copyOf(harvestSets);
        harvestAt = harvestAt == null ? DEFAULT_HARVEST_AT : harvestAt;
        featureCategories = List.copyOf(featureCategories);
        featureQuery = featureQuery == null || featureQuery.isBlank() ? null : featureQuery.strip();
    }

    /** arXiv's real endpoints, 3 s apart, no contact, no scheduled harvest, no auto-feature. */
    public static ArxivSettings defaults() {
        return new ArxivSettings(DEFAULT_OAI_URL, DEFAULT_API_URL, DEFAULT_DELAY, null, List.of(),
                DEFAULT_HARVEST_AT, List.of(), null);
    }

    /**
     * The contact, or a {@link ConfigException} saying how to set it: arXiv asks every harvester to
     * say who runs it, so there is deliberately no default.
     */
    public String requireContact() {
        return Optional.ofNullable(contact).orElseThrow(() -> new ConfigException(
                "PAPERBOY_CONTACT is not set: arXiv asks harvesters to name a contact; set it to your email "
                        + "address or a URL, e.g. PAPERBOY_CONTACT=mailto:you@example.org"));
    }

    /** Whether harvested papers are featured automatically. */
    public boolean autoFeature() {
        return !featureCategories.isEmpty() || featureQuery != null;
    }

    public ArxivSettings withOaiUrl(URI url) {
        return new ArxivSettings(url, apiUrl, delay, contact, harvestSets, harvestAt, featureCategories, featureQuery);
    }

    public ArxivSettings withApiUrl(URI url) {
        return new ArxivSettings(oaiUrl, url, delay, contact, harvestSets, harvestAt, featureCategories, featureQuery);
    }

    public ArxivSettings withDelay(Duration newDelay) {
        return new ArxivSettings(oaiUrl, apiUrl, newDelay, contact, harvestSets, harvestAt, featureCategories,
                featureQuery);
    }

    public ArxivSettings withContact(String newContact) {
        return new ArxivSettings(oaiUrl, apiUrl, delay, newContact, harvestSets, harvestAt, featureCategories,
                featureQuery);
    }

    public ArxivSettings withFeatureRule(List<String> categories, String query) {
        return new ArxivSettings(oaiUrl, apiUrl, delay, contact, harvestSets, harvestAt, categories, query);
    }

    private static URI httpUrl(String key, URI url) {
        if (url == null || url.getScheme() == null || url.getHost() == null
                || !(url.getScheme().equals("http") || url.getScheme().equals("https"))) {
            throw new ConfigException(key, String.valueOf(url), "an http(s) URL");
        }
        return url;
    }
}
