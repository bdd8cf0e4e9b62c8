package paperboy.community;

/**
 * What a submission must meet, shown on the form: the paper's first arXiv version at most
 * {@code maxAgeDays} old ({@code PAPERBOY_SUBMIT_MAX_AGE_DAYS}), and at most {@code dailyLimit}
 * submissions per member and UTC day ({@code PAPERBOY_SUBMIT_DAILY_LIMIT}). Each paper goes on the
 * list once, whatever the settings.
 */
public record SubmitRules(int maxAgeDays, int dailyLimit) {
    public static final SubmitRules DEFAULTS = new SubmitRules(14, 5);

    public SubmitRules {
        if (maxAgeDays < 0) {
            throw new IllegalArgumentException("PAPERBOY_SUBMIT_MAX_AGE_DAYS must be 0 or more, not " + maxAgeDays);
        }
        if (dailyLimit < 1) {
            throw new IllegalArgumentException("PAPERBOY_SUBMIT_DAILY_LIMIT must be at least 1, not " + dailyLimit);
        }
    }
}
