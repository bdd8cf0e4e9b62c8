package paperboy.account;

import java.util.List;

/**
 * {@code /settings}: the member's account, their API tokens, and the forms that change them.
 *
 * @param notice   what the last change did (after a redirect), or null
 * @param problem  why the last change was refused, or null
 * @param section  which form {@code problem} belongs to ({@code name}, {@code email}, {@code password},
 *                 {@code tokens}, {@code delete}), or null
 * @param newToken a token just made, shown this once, or null
 */
public record SettingsPage(String csrfToken, Member member, List<ApiTokens.Listed> tokens, String notice,
        String problem, String section, ApiTokens.Made newToken, String newTokenLabel) {

    /** The problem when it belongs to {@code form}, else null (for the template). */
    public String problemOf(String form) {
        return form.equals(section) ? problem : null;
    }
}
