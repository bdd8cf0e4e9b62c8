package paperboy.mail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A real SMTP server on the loopback address, speaking enough of RFC 5321 (EHLO, STARTTLS, AUTH
 * PLAIN, MAIL, RCPT, DATA, RSET, NOOP, QUIT) for Jakarta Mail, that misbehaves on request: each
 * transaction takes the next {@link Fault} queued (none: it accepts). GreenMail cannot answer 451
 * or 550 or hang up after the data; this peer can. With no faults queued it is a sink.
 */
final class ScriptedSmtpServer implements AutoCloseable {

    /** How the next transaction goes wrong. */
    enum Fault {
        /** 451 to MAIL FROM. */
        SENDER_451,
        /** 451 to RCPT TO: try later. */
        RECIPIENT_451,
        /** 550 to RCPT TO: no such mailbox. */
        RECIPIENT_550,
        /** the whole message read, then 451 instead of 250. */
        END_OF_DATA_451,
        /** the whole message read, then 554 instead of 250. */
        END_OF_DATA_554,
        /** the whole message and its final dot read, then the connection closed without a reply. */
        CUT_AFTER_DATA,
        /** the whole message read, then no reply at all (the client's read timeout decides). */
        SILENT_AFTER_DATA,
        /** the connection closed halfway through the message, before its end. */
        CUT_DURING_CONTENT,
        /** the connection closed when MAIL FROM arrives, as a server drops an idle connection. */
        CLOSED_WHILE_IDLE
    }

    /** How connections are protected. */
    enum Tls { NONE, STARTTLS, IMPLICIT }

    private final ServerSocket listener;
    private final Tls tls;
    private final SSLContext context;
    private final String login;
    private final Deque<Fault> faults = new ArrayDeque<>();
    private final List<String> accepted = new CopyOnWriteArrayList<>();
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final List<String> commands = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final Thread acceptor;
    private final CountDownLatch closing = new CountDownLatch(1);

    /** A plain server accepting anyone. */
    static ScriptedSmtpServer plain() throws IOException {
        return new ScriptedSmtpServer(Tls.NONE, null, null);
    }

    /**
     * @param tls     whether it offers STARTTLS or speaks TLS from the start
     * @param context the server side of TLS (with Tls.NONE: unused)
     * @param login   "user:password" it requires (AUTH PLAIN), or null for none
     */
    ScriptedSmtpServer(Tls tls, SSLContext context, String login) throws IOException {
        this.tls = tls;
        this.context = context;
        this.login = login;
        this.listener = tls == Tls.IMPLICIT
                ? context.getServerSocketFactory().createServerSocket(0, 50, InetAddress.getLoopbackAddress())
                : new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.acceptor = Thread.ofVirtual().name("scripted-smtp").start(this::acceptAll);
    }

    int port() {
        return listener.getLocalPort();
    }

    /** Queues faults for the next transactions, in order. */
    synchronized ScriptedSmtpServer fail(Fault... next) {
        faults.addAll(List.of(next));
        return this;
    }

    private synchronized Fault nextFault() {
        return faults.pollFirst();
    }

    /** The messages answered 250, as received (dot-unstuffed, CRLF line ends). */
    List<String> accepted() {
        return accepted;
    }

    /** Every message read to its final dot, whatever the answer. */
    List<String> received() {
        return received;
    }

    /** Every command line received, in order (AUTH lines as "AUTH"). */
    List<String> commands() {
        return commands;
    }

    int connections() {
        return connections.get();
    }

    private void acceptAll() {
        while (!listener.isClosed()) {
            try {
                Socket socket = listener.accept();
                connections.incrementAndGet();
                open.add(socket);
                Thread.ofVirtual().start(() -> serve(socket));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket socket) {
        try {
            new Conversation(socket).run();
        } catch (IOException e) {
            // the client went away
        } finally {
            closeQuietly(socket);
        }
    }

    private final class Conversation {
        private Socket socket;
        private BufferedReader in;
        private OutputStream out;
        private boolean secure;
        private boolean authenticated;
        private Fault fault;

        Conversation(Socket socket) throws IOException {
            this.socket = socket;
            this.secure = tls == Tls.IMPLICIT;
            streams();
        }

        private void streams() throws IOException {
            in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            out = socket.getOutputStream();
        }

        private void reply(String line) throws IOException {
            out.write((line + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }

        void run() throws IOException {
            reply("220 scripted ESMTP");
            for (String line; (line = in.readLine()) != null; ) {
                String verb = line.split(" ", 2)[0].toUpperCase(java.util.Locale.ROOT);
                commands.add(verb.equals("AUTH") ? "AUTH" : line);
                if (!answer(verb, line)) {
                    return;
                }
            }
        }

        /** false: hang up. */
        private boolean answer(String verb, String line) throws IOException {
            switch (verb) {
                case "EHLO" -> {
                    reply("250-scripted");
                    if (tls == Tls.STARTTLS && !secure) {
                        reply("250-STARTTLS");
                    }
                    if (login != null) {
                        reply("250-AUTH PLAIN");
                    }
                    reply("250 8BITMIME");
                }
                case "HELO", "NOOP", "RSET" -> reply("250 OK");
                case "STARTTLS" -> {
                    reply("220 go ahead");
                    SSLSocket wrapped = (SSLSocket) context.getSocketFactory()
                            .createSocket(socket, socket.getInetAddress().getHostAddress(), socket.getPort(), true);
                    wrapped.setUseClientMode(false);
                    wrapped.startHandshake();
                    socket = wrapped;
                    secure = true;
                    streams();
                }
                case "AUTH" -> {
                    String response = line.length() > 11 ? line.substring(11).strip() : null;
                    if (response == null) {
                        reply("334 ");
                        response = in.readLine();
                    }
                    String given = new String(Base64.getDecoder().decode(response == null ? "" : response.strip()),
                            StandardCharsets.UTF_8);
                    String[] parts = given.split("\0", -1); // authorization id, user, password
                    authenticated = login != null && parts.length == 3 && (parts[1] + ":" + parts[2]).equals(login);
                    reply(authenticated ? "235 2.7.0 accepted" : "535 5.7.8 bad credentials");
                }
                case "MAIL" -> {
                    if (login != null && !authenticated) {
                        reply("530 5.7.0 authentication required");
                        return true;
                    }
                    fault = nextFault();
                    if (fault == Fault.CLOSED_WHILE_IDLE) {
                        return false;
                    }
                    reply(fault == Fault.SENDER_451 ? "451 4.3.0 sender check failed, try later" : "250 OK");
                }
                case "RCPT" -> reply(fault == Fault.RECIPIENT_451 ? "451 4.2.0 greylisted, try later"
                        : fault == Fault.RECIPIENT_550 ? "550 5.1.1 no such mailbox" : "250 OK");
                case "DATA" -> {
                    reply("354 end with <CRLF>.<CRLF>");
                    return data();
                }
                case "QUIT" -> {
                    reply("221 bye");
                    return false;
                }
                default -> reply("502 5.5.2 not implemented");
            }
            return true;
        }

        private boolean data() throws IOException {
            StringBuilder message = new StringBuilder();
            int lines = 0;
            for (String line; (line = in.readLine()) != null; ) {
                if (line.equals(".")) {
                    return endOfData(message.toString());
                }
                if (fault == Fault.CUT_DURING_CONTENT && ++lines == 5) {
                    return false;
                }
                message.append(line.startsWith(".") ? line.substring(1) : line).append("\r\n");
            }
            return false;
        }

        private boolean endOfData(String message) throws IOException {
            received.add(message);
            Fault now = fault;
            fault = null;
            if (now == Fault.CUT_AFTER_DATA) {
                return false;
            }
            if (now == Fault.SILENT_AFTER_DATA) {
                try {
                    closing.await(5, TimeUnit.MINUTES);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return false;
            }
            if (now == Fault.END_OF_DATA_451 || now == Fault.END_OF_DATA_554) {
                reply(now == Fault.END_OF_DATA_451 ? "451 4.3.0 queue full, try later" : "554 5.7.1 message refused");
                return true;
            }
            accepted.add(message);
            reply("250 2.0.0 queued as " + accepted.size());
            return true;
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    @Override
    public void close() throws IOException {
        closing.countDown();
        listener.close();
        open.forEach(ScriptedSmtpServer::closeQuietly);
        acceptor.interrupt();
    }
}
