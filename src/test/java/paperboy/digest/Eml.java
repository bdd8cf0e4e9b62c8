package paperboy.digest;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Reads the mails the .eml transport wrote, as a mail client would (Jakarta Mail's parser). */
public final class Eml {
    private Eml() {}

    public static MimeMessage read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return new MimeMessage(Session.getInstance(new Properties()), in);
        } catch (Exception e) {
            throw new AssertionError("cannot read " + file, e);
        }
    }

    /** Every mail in the folder to {@code to}, waiting up to 10 s for at least {@code n}. */
    public static List<MimeMessage> to(Path folder, String to, int n) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (true) {
            List<MimeMessage> found = all(folder).stream().filter(m -> recipient(m).equals(to)).toList();
            if (found.size() >= n || Instant.now().isAfter(deadline)) {
                return found;
            }
            Thread.sleep(50);
        }
    }

    public static List<MimeMessage> all(Path folder) throws Exception {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".eml")).sorted().map(Eml::read).toList();
        }
    }

    private static String recipient(MimeMessage m) {
        try {
            return ((jakarta.mail.internet.InternetAddress) m.getAllRecipients()[0]).getAddress();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** The body part of {@code type} (text/plain, text/html) of a multipart/alternative mail. */
    public static String part(MimeMessage m, String type) throws Exception {
        Multipart multipart = (Multipart) m.getContent();
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            if (part.isMimeType(type)) {
                return part.getContent().toString();
            }
        }
        throw new AssertionError("no " + type + " part");
    }

    /** The path and query of the first link to {@code base} followed by {@code path}. */
    public static String link(String text, String base, String path) {
        Matcher m = Pattern.compile(Pattern.quote(base + path) + "[^\\s\"<>]*").matcher(text);
        if (!m.find()) {
            throw new AssertionError("no link to " + path + " in " + text);
        }
        return m.group().substring(base.length()).replace("&amp;", "&");
    }
}
