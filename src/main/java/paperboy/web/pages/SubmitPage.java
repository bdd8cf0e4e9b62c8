package paperboy.web.pages;

import paperboy.community.SubmitRules;

/** The submission form: what was typed, why it was refused (null before a try), and the rules it shows. */
public record SubmitPage(String typed, String error, SubmitRules rules) {}
