package paperboy.web.pages;

/**
 * A page with one button that POSTs a token: confirming a subscription, unsubscribing. A link in a
 * mail only GETs this page; the change is the POST, so that link scanners and prefetching change
 * nothing.
 */
public record TokenFormPage(String heading, String message, String action, String field, String token, String button,
        String csrf) {}
