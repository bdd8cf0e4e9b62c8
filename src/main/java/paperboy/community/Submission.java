package paperboy.community;

import java.time.Instant;
import java.time.LocalDate;
import paperboy.paper.ArxivId;

/** A member put a paper on the list of {@code day} (UTC) at {@code at}. */
public record Submission(ArxivId paper, long memberId, LocalDate day, Instant at) {}
