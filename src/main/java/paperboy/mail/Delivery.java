package paperboy.mail;

/**
 * What became of one {@link Mailer#send(Mail)}.
 *
 * @param status what the caller does next (see {@link Status})
 * @param code   the SMTP reply code that decided it (250, 451, 550...), or 0 when there was no reply
 *               (a refused or cut connection, a timeout, a file written)
 * @param reason the server's reply or what went wrong, for the log and the operator
 */
public record Delivery(Status status, int code, String reason) {

    /** What a delivery means for the mail. */
    public enum Status {
        /** Accepted by the server (250 after the data), or written as a file. */
        SENT,
        /**
         * Not sent, and sending again later may work: the connection was refused or timed out
         * before the data went, TLS or login failed, the sender was refused, a 4xx reply. Retry
         * with backoff; the mail never reached the server's queue.
         */
        TEMPORARY,
        /** Refused for good by a 5xx reply to RCPT TO or to the end of the data: the address bounces. Do not retry. */
        PERMANENT,
        /**
         * The connection was cut (or timed out) after the whole message and its final dot were sent
         * and before the server answered: it may or may not have arrived. The only mail that may be
         * in doubt; send it again with the same Message-ID, never as a different mail.
         */
        IN_DOUBT
    }

    public Delivery {
        reason = reason == null ? "" : reason;
    }

    public static Delivery sent(int code, String reason) {
        return new Delivery(Status.SENT, code, reason);
    }

    public static Delivery temporary(int code, String reason) {
        return new Delivery(Status.TEMPORARY, code, reason);
    }

    public static Delivery permanent(int code, String reason) {
        return new Delivery(Status.PERMANENT, code, reason);
    }

    public static Delivery inDoubt(String reason) {
        return new Delivery(Status.IN_DOUBT, 0, reason);
    }

    public boolean isSent() {
        return status == Status.SENT;
    }

    @Override
    public String toString() {
        return status + (code > 0 ? " " + code : "") + (reason.isEmpty() ? "" : ": " + reason);
    }
}
