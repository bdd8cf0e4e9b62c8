package paperboy.digest;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import paperboy.mail.Address;
import paperboy.mail.Delivery;
import paperboy.mail.Mail;
import paperboy.mail.MailTransport;
import paperboy.mail.Mailer;

/**
 * A transport in front of a real one that records what reached it and can fail on purpose: a
 * script says, per mail and per try, what happens instead of sending (a 4xx, a 5xx, the
 * connection cut after the data), or {@code null} to hand it to the real transport. {@link #killAfter}
 * stands in for {@code kill -9}: after k mails have gone out, the next send delivers and then
 * throws, as a process dying between the server's 250 and the outbox's update would.
 */
public final class Recorder implements MailTransport {
    /** Stands in for the process dying. */
    public static final class Killed extends RuntimeException {
        Killed() {
            super("killed (test)");
        }
    }

    private final MailTransport inner;
    private final List<Mail> delivered = new ArrayList<>();
    private int tries;
    private BiFunction<Mail, Integer, Delivery> script = (mail, n) -> null;
    private int killAfter = -1;

    public Recorder(MailTransport inner) {
        this.inner = inner;
    }

    public synchronized Recorder script(BiFunction<Mail, Integer, Delivery> script) {
        this.script = script;
        return this;
    }

    public synchronized Recorder killAfter(int k) {
        this.killAfter = k;
        return this;
    }

    public synchronized List<Mail> delivered() {
        return List.copyOf(delivered);
    }

    public synchronized int tries() {
        return tries;
    }

    @Override
    public Mailer open() {
        Mailer real = inner.open();
        return new Mailer() {
            @Override
            public Delivery send(Mail mail) {
                Delivery scripted;
                boolean kill;
                synchronized (Recorder.this) {
                    tries++;
                    scripted = script.apply(mail, tries);
                    kill = killAfter >= 0 && delivered.size() >= killAfter;
                }
                if (scripted != null) {
                    return scripted;
                }
                Delivery delivery = real.send(mail);
                synchronized (Recorder.this) {
                    if (delivery.isSent()) {
                        delivered.add(mail);
                    }
                    if (kill) {
                        killAfter = -1;
                        throw new Killed();
                    }
                }
                return delivery;
            }

            @Override
            public void close() {
                real.close();
            }
        };
    }

    @Override
    public Address from() {
        return inner.from();
    }

    @Override
    public String describe() {
        return "recorded " + inner.describe();
    }
}
