package paperboy.web.pages;

/**
 * {@code /subscribe}: the form (email, daily or weekly, an optional topic), filled with what was
 * typed. {@code csrf} is the site-wide form token's value (empty until accounts bring one).
 */
public record SubscribePage(String email, String frequency, String topic, String csrf) {}
