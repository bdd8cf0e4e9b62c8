package paperboy.account;

import java.util.List;

/**
 * {@code /settings}: the member's account, their API tokens, and the forms that change them.
 *
 * @param notice   what the last change did (after a redirect), or null
 * @param problem  why the last change was refused, or null
 * @param section  which form {@code problem} belongs to ({@code name}, {@code email}, {@code password},
 *                 {@code tokens}, {@code digest}, {@code delete}), or null
 * @param newToken a token just made, shown this once, or null
 * @param email    whether the address is verified, and a change waiting for verification
 * @param digest   the member's digest subscription
 */
public record SettingsPage(String csrfToken, Member member, List<ApiTokens.Listed> tokens, String notice,
        String problem, String section, ApiTokens.Made newToken, String newTokenLabel, Email email, Digest digest) {

    /** The problem when it belongs to {@code form}, else null (for the template). */
    public String problemOf(String form) {
        return form.equals(section) ? problem : null;
    }

    /**
     * @param sends   whether this site sends mail (else nothing can be verified)
     * @param waiting a new address waiting for its verification link to be used, or null
     */
    public record Email(boolean sends, boolean verified, String waiting) {}

    /**
     * @param open       whether this site sends the digest (it needs PAPERBOY_BASE_URL)
     * @param subscribed whether digests go to the member now
     * @param frequency  {@code daily} or {@code weekly}
     * @param topics     the saved searches the digest adds
     * @param maxTopics  how many topics a digest takes
     */
    public record Digest(boolean open, boolean subscribed, String frequency, List<String> topics, int maxTopics) {
        public boolean canAddTopic() {
            return topics.size() < maxTopics;
        }
    }
}
