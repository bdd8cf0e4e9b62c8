package paperboy.account;

/**
 * The page a mail's link opens: a form that posts the link's token back (a GET never spends one,
 * since link scanners fetch every link in a mail). For a new password it also asks for one.
 *
 * @param action  where the form posts
 * @param email   the address the link is for, shown
 * @param problem why the last new password was refused, or null
 */
public record TokenPage(String csrfToken, String heading, String action, String token, String email, String button,
        boolean asksPassword, String problem) {}
