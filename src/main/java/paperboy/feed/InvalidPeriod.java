package paperboy.feed;

/** A day, week or month that was asked for in a form that is not one; the message says the right form. */
public final class InvalidPeriod extends IllegalArgumentException {
    public InvalidPeriod(String message) {
        super(message);
    }
}
