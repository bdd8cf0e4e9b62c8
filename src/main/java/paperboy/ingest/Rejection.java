package paperboy.ingest;

/** A record an import skipped: where it was (file and line or entry) and why. */
public record Rejection(String where, String reason) {
    @Override
    public String toString() {
        return where + ": " + reason;
    }
}
