package paperboy.paper;

/**
 * An arXiv identifier without version: {@code 2608.19880} or {@code hep-th/9901001}.
 * TODO(helper): full parsing of every spelling; see the issue text.
 */
public record ArxivId(String value) {
    public static ArxivId parse(String raw) {
        return new ArxivId(raw.trim());
    }

    /** An id with the version a source named, e.g. {@code 1611.09520v2}. */
    public record Versioned(ArxivId id, int version) {}

    /**
     * STUB for the harvest branch, to be replaced by the full parser: accepts an abs/pdf URL or a
     * bare id with an optional {@code vN} suffix; version 0 when none is given.
     */
    public static Versioned parseVersioned(String raw) {
        String s = raw.trim();
        int slash = s.indexOf("/abs/");
        if (slash >= 0) {
            s = s.substring(slash + "/abs/".length());
        }
        var m = java.util.regex.Pattern.compile("(.+?)v(\\d+)").matcher(s);
        return m.matches()
                ? new Versioned(parse(m.group(1)), Integer.parseInt(m.group(2)))
                : new Versioned(parse(s), 0);
    }

    @Override
    public String toString() {
        return value;
    }
}
