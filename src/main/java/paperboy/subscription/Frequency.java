package paperboy.subscription;

import java.util.Locale;

/** How often a subscriber gets the digest: every weekday, or on Mondays for the week before. */
public enum Frequency {
    DAILY, WEEKLY;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads {@code daily} or {@code weekly} (any case). */
    public static Frequency parse(String text) {
        if (text != null) {
            for (Frequency f : values()) {
                if (f.label().equalsIgnoreCase(text.strip())) {
                    return f;
                }
            }
        }
        throw new IllegalArgumentException("frequency must be daily or weekly, not \"" + text + "\"");
    }
}
