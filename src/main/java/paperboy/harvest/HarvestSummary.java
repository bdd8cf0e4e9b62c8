package paperboy.harvest;

import java.time.Duration;

/** What one harvest run did, for the log line and the command's output. */
public record HarvestSummary(
        int pages, int records, int deleted, int restarts, Duration elapsed, HarvestCheckpoint checkpoint) {}
