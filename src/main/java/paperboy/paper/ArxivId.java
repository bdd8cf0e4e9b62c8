package paperboy.paper;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An arXiv identifier without version, always in canonical form: {@code 2608.19880},
 * {@code 0704.0001} or {@code hep-th/9901001}. {@link #parse} is the one place that turns the many
 * spellings found in feeds, dumps and pasted links into this form, so that ids from different
 * sources compare, store and link equal.
 */
public record ArxivId(String value) {

    // Pasted links wrap the id; the lazy group leaves an optional ".pdf", "/", query or fragment out.
    private static final Pattern LINK = Pattern.compile("(?i)(?:https?://)?"
            + "(?:(?:www\\.|export\\.)?arxiv\\.org/(?:abs|pdf)|(?:www\\.)?huggingface\\.co/papers)/"
            + "(.+?)(?:\\.pdf)?/?(?:[?#].*)?");
    // arXiv's own prefixes: "arXiv:" in citations, "oai:arXiv.org:" in the OAI-PMH feed.
    private static final Pattern PREFIX = Pattern.compile("(?i)(?:arxiv:|oai:arxiv\\.org:)\\s*(.+)");
    // Any spelling of the id proper. Old-style ids may carry a subject class (math.CA/0501001), which
    // is not part of the identity; listings append the primary category ("2608.19880v1 [cs.CL]").
    private static final Pattern SPELLED = Pattern.compile(
            "(?:(?<yymm>\\d{4})\\.(?<number>\\d{4,5})"
            + "|(?<archive>[A-Za-z]+(?:-[A-Za-z]+)*)(?:\\.[A-Za-z]+(?:-[A-Za-z]+)*)?/(?<old>\\d{7}))"
            + "(?:v(?<version>[1-9]\\d{0,3}))?"
            + "(?:\\s*\\[[A-Za-z-]+(?:\\.[A-Za-z-]+)?])?");
    private static final Pattern NEW_STYLE = Pattern.compile("(\\d\\d)(\\d\\d)\\.(\\d{4,5})");
    private static final Pattern OLD_STYLE = Pattern.compile("[a-z]+(?:-[a-z]+)*/(\\d\\d)(\\d\\d)(\\d{3})");
    // No spelling of an id is longer than this; refusing early keeps regexes off megabyte inputs.
    private static final int MAX_INPUT_CHARS = 300;

    /** An id together with the version a source named, 0 when it named none. */
    public record Versioned(ArxivId id, int version) {
        public Versioned {
            Objects.requireNonNull(id, "id");
            if (version < 0) {
                throw new IllegalArgumentException("version must be 0 (none) or positive: " + version);
            }
        }
    }

    /** Accepts only canonical values, so that no un-normalised id can reach the store. */
    public ArxivId {
        if (value == null || !isCanonical(value)) {
            throw new InvalidArxivId(value);
        }
    }

    /** The id in any known spelling, without its version; throws {@link InvalidArxivId} otherwise. */
    public static ArxivId parse(String raw) {
        return parseVersioned(raw).id();
    }

    /** Like {@link #parse}, keeping the version when the spelling had one. */
    public static Versioned parseVersioned(String raw) {
        if (raw == null || raw.length() > MAX_INPUT_CHARS) {
            throw new InvalidArxivId(raw);
        }
        Matcher spelled = SPELLED.matcher(undecorated(CleanText.oneLine(raw)));
        if (!spelled.matches()) {
            throw new InvalidArxivId(raw);
        }
        String canonical = spelled.group("yymm") != null
                ? spelled.group("yymm") + "." + spelled.group("number")
                : spelled.group("archive").toLowerCase(Locale.ROOT) + "/" + spelled.group("old");
        if (!isCanonical(canonical)) {
            throw new InvalidArxivId(raw);
        }
        String version = spelled.group("version");
        return new Versioned(new ArxivId(canonical), version == null ? 0 : Integer.parseInt(version));
    }

    /** Whether {@link #parse} would accept the text. */
    public static boolean isValid(String raw) {
        try {
            parse(raw);
            return true;
        } catch (InvalidArxivId e) {
            return false;
        }
    }

    /**
     * Whether the text is spelled like an id but names none arXiv can have assigned:
     * {@code 1234.56789} has the shape, but there is no month 34. Asked for such an id, the API
     * answers "no such paper" (404), as Hugging Face does, and keeps "not an id" (400) for text of
     * any other shape.
     */
    public static boolean isUnassigned(String raw) {
        return raw != null && raw.length() <= MAX_INPUT_CHARS
                && SPELLED.matcher(undecorated(CleanText.oneLine(raw))).matches() && !isValid(raw);
    }

    /** True for ids from before April 2007, which name their archive ({@code hep-th/9901001}). */
    public boolean isOldStyle() {
        return value.indexOf('/') >= 0;
    }

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

    private static String undecorated(String s) {
        Matcher link = LINK.matcher(s);
        if (link.matches()) {
            return link.group(1);
        }
        Matcher prefix = PREFIX.matcher(s);
        return prefix.matches() ? prefix.group(1) : s;
    }

    private static boolean isCanonical(String value) {
        Matcher m = NEW_STYLE.matcher(value);
        if (m.matches()) {
            int yymm = Integer.parseInt(m.group(1) + m.group(2));
            // New-style ids began with 0704; from 1501 arXiv numbers each month with five digits.
            int digits = yymm < 1501 ? 4 : 5;
            return isMonth(m.group(2)) && yymm >= 704 && m.group(3).length() == digits
                    && Integer.parseInt(m.group(3)) > 0;
        }
        m = OLD_STYLE.matcher(value);
        if (m.matches()) {
            int yy = Integer.parseInt(m.group(1));
            int yyyymm = (yy >= 91 ? 1900 + yy : 2000 + yy) * 100 + Integer.parseInt(m.group(2));
            // Old-style ids ran from arXiv's start in August 1991 to March 2007.
            return isMonth(m.group(2)) && yyyymm >= 199108 && yyyymm <= 200703
                    && Integer.parseInt(m.group(3)) > 0;
        }
        return false;
    }

    private static boolean isMonth(String mm) {
        int month = Integer.parseInt(mm);
        return month >= 1 && month <= 12;
    }
}
