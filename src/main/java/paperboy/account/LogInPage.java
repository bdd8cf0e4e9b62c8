package paperboy.account;

/**
 * The log-in form.
 *
 * @param next   where to go after logging in (a local path)
 * @param notice a line to show above the form (after a sign-up), or null
 * @param problem why the last attempt failed, or null
 */
public record LogInPage(String csrfToken, String email, String next, String notice, String problem) {
    /** The form's action: {@code /login}, with {@code next} when it is not {@code /}. */
    public String action() {
        return next.equals("/") ? "/login"
                : "/login?next=" + java.net.URLEncoder.encode(next, java.nio.charset.StandardCharsets.UTF_8);
    }
}
