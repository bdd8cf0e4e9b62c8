package paperboy.paper;

import java.time.Instant;

/** A paper's id and when arXiv last changed it (its update time, else its publication; null when unknown), for the sitemap. */
public record PaperStamp(ArxivId id, Instant changed) {}
