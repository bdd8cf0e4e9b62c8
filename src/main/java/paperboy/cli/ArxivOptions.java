package paperboy.cli;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import paperboy.config.ArxivSettings;
import paperboy.config.Config;
import picocli.CommandLine.Option;

/** Options of the commands that talk to arXiv; each wins over its {@code PAPERBOY_*} variable. */
public final class ArxivOptions {
    @Option(names = "--delay", paramLabel = "SECONDS",
            description = "least seconds between requests to arXiv (default: $PAPERBOY_ARXIV_DELAY or 3)")
    BigDecimal delay;

    @Option(names = "--contact", paramLabel = "EMAIL|URL",
            description = "how arXiv can reach you, sent in the User-Agent (default: $PAPERBOY_CONTACT)")
    String contact;

    Config apply(Config config, URI oaiUrl, URI apiUrl) {
        ArxivSettings arxiv = config.arxiv();
        if (oaiUrl != null) {
            arxiv = arxiv.withOaiUrl(oaiUrl);
        }
        if (apiUrl != null) {
            arxiv = arxiv.withApiUrl(apiUrl);
        }
        if (delay != null) {
            if (delay.signum() < 0) {
                throw new IllegalArgumentException("--delay must be 0 or more seconds, was " + delay);
            }
            arxiv = arxiv.withDelay(Duration.ofMillis(delay.movePointRight(3).longValue()));
        }
        if (contact != null) {
            arxiv = arxiv.withContact(contact);
        }
        return config.withArxiv(arxiv);
    }
}
