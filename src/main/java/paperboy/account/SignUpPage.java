package paperboy.account;

import java.util.List;

/** The sign-up form, empty or with what was typed (never the password) and what to fix. */
public record SignUpPage(String csrfToken, String name, String email, List<String> problems) {}
