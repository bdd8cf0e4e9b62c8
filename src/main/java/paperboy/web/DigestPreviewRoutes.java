package paperboy.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import paperboy.account.Role;
import paperboy.account.Visitors;
import paperboy.digest.DigestPreview;
import paperboy.http.HttpError;
import paperboy.mail.Mail;
import paperboy.subscription.EmailAddress;
import paperboy.subscription.Frequency;

/**
 * {@code /digest/preview?date=YYYY-MM-DD&kind=daily|weekly&email=...}: an edition's HTML part as
 * that address would get it (its topics included), or its text part with {@code &part=text}. Only
 * to an admin, or, where mail goes to {@code .eml} files (a laptop install), to a browser on the
 * machine itself (no proxy header): a subscriber's topics are theirs (docs/MAIL.md).
 */
final class DigestPreviewRoutes {
    private final DigestPreview preview;

    DigestPreviewRoutes(DigestPreview preview) {
        this.preview = preview;
    }

    void addTo(RoutesConfig routes) {
        routes.get("/digest/preview", this::show);
    }

    private void show(Context ctx) {
        boolean allowed = Visitors.of(ctx).can(Role.ADMIN) || (preview.openToThisMachine() && fromThisMachine(ctx));
        if (!preview.isOn() || !allowed) {
            throw HttpError.notFound("There is no page at " + ctx.path() + ".");
        }
        Frequency kind = kind(ctx.queryParam("kind"));
        LocalDate day = day(ctx.queryParam("date"), kind);
        String email = ctx.queryParam("email");
        EmailAddress to;
        try {
            to = EmailAddress.of(email == null || email.isBlank() ? "reader@example.org" : email);
        } catch (EmailAddress.InvalidEmail e) {
            throw HttpError.badRequest(e.getMessage() + ".");
        }
        Mail mail;
        try {
            mail = preview.copy(day, kind, to).orElseThrow(() -> HttpError.notFound(
                    "The " + kind.label() + " edition of " + day + " holds no paper for " + to + ": it sends nothing."));
        } catch (IllegalArgumentException e) {
            throw HttpError.badRequest(e.getMessage() + ".");
        }
        if ("text".equals(ctx.queryParam("part"))) {
            ctx.contentType("text/plain; charset=utf-8").result(mail.text());
        } else {
            ctx.html(mail.html());
        }
    }

    private static boolean fromThisMachine(Context ctx) {
        if (ctx.header("Forwarded") != null || ctx.header("X-Forwarded-For") != null || ctx.header("X-Real-IP") != null) {
            return false;
        }
        try {
            return InetAddress.getByName(ctx.req().getRemoteAddr()).isLoopbackAddress(); // an IP literal: no lookup
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static Frequency kind(String text) {
        try {
            return text == null || text.isBlank() ? Frequency.DAILY : Frequency.parse(text);
        } catch (IllegalArgumentException e) {
            throw HttpError.badRequest(e.getMessage() + ".");
        }
    }

    private LocalDate day(String text, Frequency kind) {
        if (text == null || text.isBlank()) {
            return preview.lastDue(kind);
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw HttpError.badRequest("date must be YYYY-MM-DD, not \"" + text + "\".");
        }
    }
}
