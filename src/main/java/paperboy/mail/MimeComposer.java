package paperboy.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import org.simplejavamail.utils.mail.dkim.Canonicalization;
import org.simplejavamail.utils.mail.dkim.DkimException;
import org.simplejavamail.utils.mail.dkim.DkimMessage;
import org.simplejavamail.utils.mail.dkim.DkimSigner;
import org.simplejavamail.utils.mail.dkim.SigningAlgorithm;
import java.security.interfaces.RSAPrivateKey;
import paperboy.config.DkimSettings;

/**
 * Turns a {@link Mail} into a MIME message: multipart/alternative with a text/plain and a
 * text/html part in UTF-8, the mail's own Message-ID and Date, its extra headers, and a DKIM
 * signature (relaxed/relaxed, rsa-sha256) when a key is configured.
 */
final class MimeComposer {
    /** RFC 5322 date-time, numeric zone: {@code Tue, 1 Dec 2026 12:05:00 +0000}. */
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.ROOT);
    /** Sessions that only compose; the SMTP transport opens its own. */
    private static final Session COMPOSING = Session.getInstance(new Properties());

    private final Optional<DkimSettings> dkim;

    MimeComposer(Optional<DkimSettings> dkim) {
        this.dkim = dkim;
    }

    MimeMessage compose(Mail mail) {
        try {
            MimeMessage message = new FixedIdMessage(COMPOSING, mail.messageIdHeader());
            message.setFrom(mail.from().internet());
            message.setRecipient(MimeMessage.RecipientType.TO, mail.to().internet());
            message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
            message.setHeader("Date", DATE.format(mail.date().atOffset(ZoneOffset.UTC)));
            for (var header : mail.headers().entrySet()) {
                message.addHeader(header.getKey(), header.getValue());
            }
            message.setContent(alternative(mail));
            message.saveChanges();
            return dkim.isPresent() ? signed(message, mail, dkim.get()) : message;
        } catch (MessagingException e) {
            throw new IllegalStateException("composing " + mail.messageIdHeader(), e);
        }
    }

    private static MimeMultipart alternative(Mail mail) throws MessagingException {
        MimeBodyPart text = new MimeBodyPart();
        text.setText(crlf(mail.text()), StandardCharsets.UTF_8.name(), "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(crlf(mail.html()), StandardCharsets.UTF_8.name(), "html");
        MimeMultipart alternative = new Alternative(boundary(mail.messageId()));
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        return alternative;
    }

    /**
     * Signed over the headers the signer signs by default and every extra header: RFC 8058 wants
     * List-Unsubscribe and List-Unsubscribe-Post covered, so that no one can change where a click goes.
     */
    private static MimeMessage signed(MimeMessage message, Mail mail, DkimSettings settings) throws MessagingException {
        try {
            DkimSigner signer = new DkimSigner(settings.domain(), settings.selector(), (RSAPrivateKey) settings.key());
            signer.setHeaderCanonicalization(Canonicalization.RELAXED);
            signer.setBodyCanonicalization(Canonicalization.RELAXED);
            signer.setSigningAlgorithm(SigningAlgorithm.SHA256_WITH_RSA);
            signer.setLengthParam(false);
            signer.setCheckDomainKey(false);
            mail.headers().keySet().forEach(signer::addHeaderToSign);
            return new DkimMessage(message, signer);
        } catch (DkimException e) {
            throw new MessagingException("DKIM signer for " + settings.dnsName(), e);
        }
    }

    /** Lines end in CRLF, as RFC 5322 wants them in a file too (SMTP would convert them anyway). */
    private static String crlf(String content) {
        return content.replaceAll("\r?\n|\r", "\r\n");
    }

    /**
     * The MIME boundary, from the Message-ID: the same mail composed again (a resend after an
     * interrupted transaction) is the same bytes. {@code =_} cannot occur in quoted-printable or
     * base64 content.
     */
    static String boundary(String messageId) {
        return "=_paperboy_" + Sha256.hex(messageId).substring(0, 24);
    }

    /** multipart/alternative with a given boundary, where Jakarta Mail would make up a new one each time. */
    private static final class Alternative extends MimeMultipart {
        Alternative(String boundary) {
            super("alternative");
            contentType = "multipart/alternative; boundary=\"" + boundary + "\"";
        }
    }

    /** A message whose Message-ID is the caller's, not one Jakarta Mail makes up when saving. */
    private static final class FixedIdMessage extends MimeMessage {
        private final String messageId;

        FixedIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
