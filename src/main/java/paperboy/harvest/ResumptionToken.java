package paperboy.harvest;

/**
 * The resumptionToken at the end of an OAI-PMH list page. An empty or absent token means the list
 * is complete. {@code completeListSize} and {@code cursor} are null when the repository omits them.
 */
public record ResumptionToken(String value, Long completeListSize, Long cursor) {
    public static final ResumptionToken COMPLETE = new ResumptionToken("", null, null);

    public ResumptionToken {
        value = value == null ? "" : value.strip();
    }

    /** True when this was the last page. */
    public boolean isComplete() {
        return value.isEmpty();
    }
}
