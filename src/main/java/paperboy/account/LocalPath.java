package paperboy.account;

/**
 * Where a log-in may send the browser afterwards ({@code next}): only a path of this site. A value
 * that could leave it ({@code //evil.example}, {@code /\evil.example}, {@code https://...}, control
 * characters) becomes {@code /}, so the log-in form cannot be used as an open redirect.
 */
public final class LocalPath {
    private static final int MAX_LENGTH = 2000;

    private LocalPath() {}

    /** {@code next} when it is a local path, else {@code /}. */
    public static String orHome(String next) {
        return isLocal(next) ? next : "/";
    }

    public static boolean isLocal(String next) {
        if (next == null || next.isEmpty() || next.length() > MAX_LENGTH || next.charAt(0) != '/') {
            return false;
        }
        if (next.length() > 1 && (next.charAt(1) == '/' || next.charAt(1) == '\\')) {
            return false;
        }
        for (int i = 0; i < next.length(); i++) {
            char c = next.charAt(i);
            if (c == '\\' || c < 0x20 || c == 0x7f) {
                return false;
            }
        }
        return true;
    }
}
