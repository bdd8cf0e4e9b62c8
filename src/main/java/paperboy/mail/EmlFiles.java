package paperboy.mail;

import jakarta.mail.MessagingException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * The transport without an SMTP server: each mail becomes an RFC 5322 file under
 * {@code DATA/mail/}, named after its Message-ID, so that a laptop install shows exactly what would
 * go out. A file is written whole or not at all (a temporary file, fsynced, then renamed), and
 * writing the same mail twice leaves one file.
 */
final class EmlFiles implements MailTransport, Mailer {
    private final Path folder;
    private final Address from;
    private final MimeComposer composer;

    EmlFiles(Path folder, Address from, MimeComposer composer) {
        this.folder = folder;
        this.from = from;
        this.composer = composer;
    }

    @Override
    public Mailer open() {
        return this;
    }

    @Override
    public Address from() {
        return from;
    }

    @Override
    public boolean writesFiles() {
        return true;
    }

    @Override
    public String describe() {
        return ".eml files in " + folder;
    }

    /** The file a mail is written to: its Message-ID, made safe as a file name. */
    Path fileOf(Mail mail) {
        return folder.resolve(fileName(mail.messageId()));
    }

    @Override
    public Delivery send(Mail mail) {
        Path target = fileOf(mail);
        Path temporary = null;
        try {
            Files.createDirectories(folder);
            temporary = Files.createTempFile(folder, ".writing-", ".tmp");
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE);
                    OutputStream out = java.nio.channels.Channels.newOutputStream(channel)) {
                composer.compose(mail).writeTo(out);
                out.flush();
                channel.force(true);
            }
            move(temporary, target);
            syncFolder();
            return Delivery.sent(0, "written to " + target);
        } catch (IOException | MessagingException | RuntimeException e) {
            deleteQuietly(temporary);
            return Delivery.temporary(0, "could not write " + target + ": " + e);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Makes the rename itself durable; not every file system lets a folder be opened for it. */
    private void syncFolder() {
        try (FileChannel dir = FileChannel.open(folder, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException e) {
            // Windows cannot open a folder: the file's content is synced, its name may not be
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a leftover .tmp file, never read as mail
            }
        }
    }

    /**
     * The Message-ID as a file name: kept as it is when it uses only letters, digits and
     * {@code . _ - + = @}; otherwise those characters with {@code _} for the rest, and a hash of the
     * whole id so that two ids never share a file.
     */
    static String fileName(String messageId) {
        String safe = messageId.replaceAll("[^A-Za-z0-9._\\-+=@]", "_");
        if (safe.startsWith(".")) {
            safe = "_" + safe.substring(1);
        }
        if (safe.length() > 180) {
            safe = safe.substring(0, 180);
        }
        if (safe.equals(messageId)) {
            return safe + ".eml";
        }
        return safe + "-" + Sha256.hex(messageId).substring(0, 16) + ".eml";
    }

    /** Nothing to close: each mail is its own file. */
    @Override
    public void close() {
    }
}
