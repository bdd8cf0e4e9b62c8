package paperboy.mail;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One message to one recipient, sent as multipart/alternative (a text/plain and a text/html part,
 * UTF-8).
 *
 * @param messageId the Message-ID without angle brackets, {@code local@domain}, chosen by the
 *                  caller: the same mail sent again (after an interrupted SMTP transaction) must
 *                  carry the same one, so that it is the same mail, and the {@code .eml} transport
 *                  names its file after it
 * @param from      the sender ({@link MailTransport#from()})
 * @param to        the one recipient
 * @param subject   the subject, any Unicode (encoded as RFC 2047 UTF-8 when it needs to be)
 * @param text      the text/plain part
 * @param html      the text/html part
 * @param headers   extra headers, in order, e.g. {@code List-Unsubscribe} ({@code <https://...>})
 *                  and {@code List-Unsubscribe-Post} ({@code List-Unsubscribe=One-Click}); none of
 *                  the headers this record sets itself, no line breaks in values
 * @param date      the Date header
 */
public record Mail(String messageId, Address from, Address to, String subject, String text, String html,
        Map<String, String> headers, Instant date) {

    /** RFC 5322 msg-id without brackets: dot-atom-text "@" dot-atom-text, printable ASCII only. */
    private static final Pattern MESSAGE_ID = Pattern.compile(
            "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@"
                    + "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
    private static final Pattern HEADER_NAME = Pattern.compile("[!-9;-~]+");
    private static final Set<String> OWN_HEADERS = Set.of("message-id", "date", "from", "to", "cc", "bcc", "subject",
            "mime-version", "content-type", "content-transfer-encoding", "dkim-signature", "sender", "reply-to-all");

    public Mail {
        if (messageId == null || !MESSAGE_ID.matcher(messageId).matches() || messageId.length() > 900) {
            throw new IllegalArgumentException("a Message-ID is local@domain without brackets, spaces or line breaks: " + messageId);
        }
        requireNonNull(from, "from");
        requireNonNull(to, "to");
        requireNonNull(date, "date");
        subject = oneLine(subject == null ? "" : subject, "Subject");
        text = text == null ? "" : text;
        html = html == null ? "" : html;
        headers = checked(headers == null ? Map.of() : headers);
    }

    private static void requireNonNull(Object value, String what) {
        if (value == null) {
            throw new IllegalArgumentException("a mail needs " + what);
        }
    }

    private static Map<String, String> checked(Map<String, String> headers) {
        Map<String, String> copy = new LinkedHashMap<>();
        headers.forEach((name, value) -> {
            if (name == null || !HEADER_NAME.matcher(name).matches() || OWN_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("not an extra header a mail may carry: " + name);
            }
            copy.put(name, oneLine(value == null ? "" : value, name));
        });
        return java.util.Collections.unmodifiableMap(copy);
    }

    private static String oneLine(String value, String header) {
        if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
            throw new IllegalArgumentException(header + " must be one line");
        }
        return value;
    }

    /** The Message-ID as in the header: {@code <local@domain>}. */
    public String messageIdHeader() {
        return "<" + messageId + ">";
    }
}
