package paperboy.paper;

/** What one batch of {@link PaperStore#upsert} did: new papers, changed papers, papers already up to date. */
public record UpsertResult(int inserted, int updated, int unchanged) {
    public static final UpsertResult NONE = new UpsertResult(0, 0, 0);

    public UpsertResult plus(UpsertResult other) {
        return new UpsertResult(inserted + other.inserted, updated + other.updated, unchanged + other.unchanged);
    }
}
