package paperboy.paper;

/**
 * Thrown when text is not an arXiv id in any spelling Paperboy understands. The message quotes the
 * input (shortened when huge) so that the bad row of an import can be found from a log line.
 */
public final class InvalidArxivId extends IllegalArgumentException {

    // Long enough to show any real id or link, short enough that a pasted abstract stays readable.
    private static final int SHOWN_CHARS = 80;

    InvalidArxivId(String input) {
        super("not an arXiv id: " + quote(input)
                + "; expected e.g. 2608.19880, 0704.0001 or hep-th/9901001, optionally with a version"
                + " (v2), an arXiv: prefix or an arxiv.org / huggingface.co/papers link");
    }

    private static String quote(String input) {
        if (input == null) {
            return "null";
        }
        if (input.length() <= SHOWN_CHARS) {
            return '"' + input + '"';
        }
        return '"' + input.substring(0, SHOWN_CHARS) + "…\" (" + input.length() + " chars)";
    }
}
