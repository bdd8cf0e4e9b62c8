package paperboy.web.pages;

/** A 400 or 404 page: what went wrong, in words a reader can act on. */
public record ErrorPage(int status, String title, String message) {}
