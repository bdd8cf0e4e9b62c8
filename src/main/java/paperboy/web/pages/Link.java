package paperboy.web.pages;

/** A labelled link; a null {@code href} renders as a disabled control. */
public record Link(String label, String href) {
    public boolean enabled() {
        return href != null;
    }
}
