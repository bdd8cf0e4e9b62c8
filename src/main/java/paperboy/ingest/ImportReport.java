package paperboy.ingest;

import java.util.List;

/**
 * What an import did; its summary line is what {@code paperboy import} prints last. At most
 * {@link Importer#MAX_LISTED} rejections are listed; {@code unlisted} counts the others.
 */
public record ImportReport(int imported, int updated, int unchanged, List<Rejection> rejections, List<String> failedFiles,
        int unlisted) {
    public ImportReport {
        rejections = List.copyOf(rejections);
        failedFiles = List.copyOf(failedFiles);
    }

    public ImportReport(int imported, int updated, int unchanged, List<Rejection> rejections, List<String> failedFiles) {
        this(imported, updated, unchanged, rejections, failedFiles, 0);
    }

    public ImportReport plus(ImportReport other) {
        var allRejections = new java.util.ArrayList<>(rejections);
        allRejections.addAll(other.rejections);
        var allFailed = new java.util.ArrayList<>(failedFiles);
        allFailed.addAll(other.failedFiles);
        return new ImportReport(imported + other.imported, updated + other.updated, unchanged + other.unchanged,
                allRejections, allFailed, unlisted + other.unlisted);
    }

    public int skipped() {
        return rejections.size() + unlisted;
    }

    public String summary() {
        String line = "imported " + imported + ", updated " + updated + ", skipped " + skipped();
        if (unchanged > 0) {
            line += " (" + unchanged + " already up to date)";
        }
        return line;
    }
}
