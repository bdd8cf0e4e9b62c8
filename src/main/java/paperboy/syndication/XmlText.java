package paperboy.syndication;

/**
 * Text as XML 1.0 can carry it. Paper text comes from many sources and may hold characters XML
 * forbids (control characters such as U+0007, lone surrogates); the XML writer refuses those, so
 * one stray character would fail a whole feed. They are dropped.
 */
final class XmlText {
    private XmlText() {}

    static String of(String text) {
        if (text == null || text.codePoints().allMatch(XmlText::allowed)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().filter(XmlText::allowed).forEach(out::appendCodePoint);
        return out.toString();
    }

    /** The Char production of XML 1.0 (a lone surrogate is a code point in the surrogate range). */
    private static boolean allowed(int c) {
        return c == 0x9 || c == 0xA || c == 0xD
                || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
    }
}
