package paperboy.web.pages;

/** A page that says one thing (check your inbox, you are unsubscribed...) and offers one link on. */
public record NoticePage(String heading, String message, String linkHref, String linkLabel) {}
