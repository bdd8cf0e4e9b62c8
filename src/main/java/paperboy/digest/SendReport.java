package paperboy.digest;

/**
 * What a run of the outbox did.
 *
 * @param sent       mails the server accepted (or written as files)
 * @param resent     of those, mails that had been in doubt, sent again with the same Message-ID
 * @param retried    temporary failures (refused connection, 4xx), tried again later in the run or the next
 * @param inDoubt    SMTP transactions cut after the data: the mail may have arrived; it is resent with the same Message-ID
 * @param failed     mails given up: refused for good (5xx, the address bounces) or out of attempts
 * @param skipped    subscribers with nothing to send (no paper for them) or no longer subscribed
 * @param waiting    mails left for a later run
 * @param serverDown whether the run stopped early because the mail server kept failing
 */
public record SendReport(int sent, int resent, int retried, int inDoubt, int failed, int skipped, long waiting,
        boolean serverDown) {

    public String summary() {
        return sent + " sent" + (resent > 0 ? " (" + resent + " of them in doubt before, resent with the same Message-ID)" : "")
                + ", " + retried + " retried, " + inDoubt + " in doubt, " + failed + " failed"
                + (skipped > 0 ? ", " + skipped + " skipped (nothing for them)" : "")
                + (waiting > 0 ? "; " + waiting + " wait for the next run" : "")
                + (serverDown ? "; stopped early: the mail server kept failing" : "");
    }
}
