package paperboy.account;

/** A page that says one thing (a link spent, a mail on its way) and links on; {@code linkHref} may be null. */
public record AccountNotice(String heading, String message, String linkHref, String linkLabel) {}
