package paperboy.web.pages;

/**
 * The home page of a store where nothing has been featured yet: how to fill it. {@code papers} is
 * how many papers the store holds (harvested papers can be searched before any is featured).
 */
public record WelcomePage(long papers) {}
