package paperboy.paper;

/**
 * An arXiv identifier without version: {@code 2608.19880} or {@code hep-th/9901001}.
 * TODO(helper): full parsing of every spelling; see the issue text.
 */
public record ArxivId(String value) {
    public static ArxivId parse(String raw) {
        return new ArxivId(raw.trim());
    }

    @Override
    public String toString() {
        return value;
    }
}
