package paperboy.config;

/**
 * What members may write, and how often.
 *
 * @param submitMaxAgeDays  a submitted paper's first arXiv version may be at most this many days old
 *                          ({@code PAPERBOY_SUBMIT_MAX_AGE_DAYS}, default 14)
 * @param submitDailyLimit  submissions per member and UTC day ({@code PAPERBOY_SUBMIT_DAILY_LIMIT}, default 5)
 * @param writesPerMinute   submissions, upvotes, comments and reports per member and minute, all
 *                          together ({@code PAPERBOY_WRITES_PER_MINUTE}, default 30; a burst may use
 *                          a minute's worth at once)
 */
public record CommunitySettings(int submitMaxAgeDays, int submitDailyLimit, int writesPerMinute) {
    public static final CommunitySettings DEFAULTS = new CommunitySettings(14, 5, 30);

    public CommunitySettings {
        if (submitMaxAgeDays < 0) {
            throw new ConfigException("PAPERBOY_SUBMIT_MAX_AGE_DAYS", Integer.toString(submitMaxAgeDays), "a number of days >= 0");
        }
        if (submitDailyLimit < 1) {
            throw new ConfigException("PAPERBOY_SUBMIT_DAILY_LIMIT", Integer.toString(submitDailyLimit), "a number >= 1");
        }
        if (writesPerMinute < 1) {
            throw new ConfigException("PAPERBOY_WRITES_PER_MINUTE", Integer.toString(writesPerMinute), "a number >= 1");
        }
    }
}
