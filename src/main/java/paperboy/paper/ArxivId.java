package paperboy.paper;

/**
 * An arXiv identifier without version: {@code 2608.19880} or {@code hep-th/9901001}.
 * TODO(helper): full parsing of every spelling; see the issue text.
 */
public record ArxivId(String value) {
    public static ArxivId parse(String raw) {
        return parseVersioned(raw).id();
    }

    public static Versioned parseVersioned(String raw) {
        String s = raw.trim();
        int v = s.lastIndexOf('v');
        if (v > 0 && s.substring(v + 1).matches("\\d+")) {
            return new Versioned(new ArxivId(s.substring(0, v)), Integer.parseInt(s.substring(v + 1)));
        }
        return new Versioned(new ArxivId(s), 0);
    }

    public record Versioned(ArxivId id, int version) {}

    public String absUrl() {
        return "https://arxiv.org/abs/" + value;
    }

    public String pdfUrl() {
        return "https://arxiv.org/pdf/" + value;
    }

    @Override
    public String toString() {
        return value;
    }
}
