package paperboy.web;

import io.javalin.config.JavalinConfig;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Set;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.Callback;
import paperboy.http.ErrorJson;
import paperboy.web.pages.ErrorPage;

/**
 * What is refused before a request reaches the routes: what Jetty refuses (an address too long or
 * that does not decode, headers too large, a bad Host, a request line that cannot be read) and
 * what Javalin would mishandle ({@link RequestChecks}), answered in the shapes {@link Errors} uses:
 * JSON under {@code /api/}, the error page elsewhere, short plain text when not even the address
 * could be read. None of them is logged: anyone can send them.
 */
final class JettyErrors {
    /** Request line and headers together; {@code /search?like=} carries up to 5,000 pasted characters (three times that encoded). */
    static final int MAX_REQUEST_HEAD = 64 * 1024;
    private static final Set<String> KNOWN_METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS",
            "TRACE", "CONNECT");

    private final Pages pages;

    JettyErrors(Pages pages) {
        this.pages = pages;
    }

    void addTo(JavalinConfig config) {
        config.jetty.modifyHttpConfiguration(http -> http.setRequestHeaderSize(MAX_REQUEST_HEAD));
        config.jetty.modifyServer(server -> server.setErrorHandler(new Answering()));
        config.jetty.modifyServletContextHandler(context -> context.addFilter(new FilterHolder(new RequestChecks()), "/*",
                EnumSet.of(DispatcherType.REQUEST)));
        config.jetty.addConnector((server, http) -> {
            ServerConnector connector = new ServerConnector(server, new TargetKeeping(http));
            connector.setHost(config.jetty.host);
            connector.setPort(config.jetty.port);
            return connector;
        });
    }

    private record Answer(String contentType, byte[] body) {}

    /** {@code path} is null when the request line could not be read. */
    private Answer answer(String path, int status, String message) {
        if (path == null) {
            return new Answer("text/plain;charset=utf-8", (status + " " + message + "\n").getBytes(StandardCharsets.UTF_8));
        }
        if (ErrorJson.answersAt(path)) {
            return new Answer("application/json", ErrorJson.body(message).getBytes(StandardCharsets.UTF_8));
        }
        return new Answer("text/html;charset=utf-8",
                pages.html("error.jte", ErrorPage.of(status, message)).getBytes(StandardCharsets.UTF_8));
    }

    private static String message(int status, String jettyMessage, boolean undecodableTarget) {
        return switch (status) {
            case 400 -> undecodableTarget
                    ? "The address could not be decoded: each % starts an escape of two hex digits (like %20), and %00 is not allowed."
                    : "The request could not be read (" + shorten(jettyMessage == null ? "malformed" : jettyMessage) + ").";
            case 414 -> "The address is longer than the " + MAX_REQUEST_HEAD / 1024 + " KB this server reads.";
            case 431 -> "The request's headers are larger than the " + MAX_REQUEST_HEAD / 1024 + " KB this server reads.";
            default -> HttpStatus.getMessage(status) + ".";
        };
    }

    private static String shorten(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }

    /** Jetty's error handler, answering as {@link #answer} does instead of Jetty's own HTML. */
    private final class Answering extends ErrorHandler {
        @Override
        public boolean errorPageForMethod(String method) {
            return true;
        }

        @Override
        protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                Callback callback) {
            String rejected = request.getConnectionMetaData().getConnection() instanceof TargetKeeping.Connection c
                    ? c.rejectedTarget : null;
            String path = rejected != null ? pathOf(rejected) : knownPath(request);
            Answer answer = answer(path, code, JettyErrors.message(code, message, rejected != null));
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, answer.contentType());
            SecurityHeaders.ALL.forEach(response.getHeaders()::put);
            response.write(true, ByteBuffer.wrap(answer.body()), callback);
        }

        /** Jetty names a request whose line it could not read {@code /badMessage}, or {@code /badURI}. */
        private static String knownPath(Request request) {
            String path = request.getHttpURI().getPath();
            return path == null || path.equals("/badMessage") || path.equals("/badURI") ? null : path;
        }

        private static String pathOf(String target) {
            int query = target.indexOf('?');
            return query < 0 ? target : target.substring(0, query);
        }
    }

    /**
     * HTTP/1.1 connections that remember a request target Jetty could not decode (such as
     * {@code /api/%ZZ}): Jetty answers those as {@code /badMessage}, which would lose whether the
     * address was under {@code /api/}.
     */
    private static final class TargetKeeping extends HttpConnectionFactory {
        TargetKeeping(HttpConfiguration http) {
            super(http);
        }

        @Override
        public org.eclipse.jetty.io.Connection newConnection(Connector connector, EndPoint endPoint) {
            return configure(new Connection(getHttpConfiguration(), connector, endPoint), connector, endPoint);
        }

        /** Jetty closes a connection after a request it could not read, so a remembered target is never a stale one. */
        static final class Connection extends HttpConnection {
            volatile String rejectedTarget;

            Connection(HttpConfiguration http, Connector connector, EndPoint endPoint) {
                super(http, connector, endPoint);
            }

            @Override
            protected HttpStreamOverHTTP1 newHttpStream(String method, String uri, HttpVersion version) {
                try {
                    return super.newHttpStream(method, uri, version);
                } catch (RuntimeException e) {
                    rejectedTarget = uri;
                    throw e;
                }
            }
        }
    }

    /**
     * Checks what Jetty lets through but Javalin would mishandle: a method HTTP does not define
     * (methods are case-sensitive, so {@code get} is one) is a 501 where Javalin failed with a
     * logged stack trace and an empty 500; a query that does not decode ({@code ?date=%ZZ}) is a
     * 400 where Javalin dropped every parameter and answered as if none were given. HEAD is served
     * as the GET it stands for (Jetty leaves the body out), where Javalin answered 200 to any path
     * with a GET route without running it, a missing paper included.
     */
    private final class RequestChecks implements Filter {
        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            HttpServletRequest http = (HttpServletRequest) request;
            HttpServletResponse out = (HttpServletResponse) response;
            if (!KNOWN_METHODS.contains(http.getMethod())) {
                refuse(http, out, 501, "This server does not know the method \"" + shorten(http.getMethod())
                        + "\"; it answers GET and HEAD (methods are upper case).");
            } else if (!decodes(http.getQueryString())) {
                refuse(http, out, 400, "The query could not be decoded: each % starts an escape of two hex digits (like %20).");
            } else if (http.getMethod().equals("HEAD")) {
                chain.doFilter(new HttpServletRequestWrapper(http) {
                    @Override
                    public String getMethod() {
                        return "GET";
                    }
                }, response);
            } else {
                chain.doFilter(request, response);
            }
        }

        private static boolean decodes(String query) {
            try {
                URLDecoder.decode(query == null ? "" : query, StandardCharsets.UTF_8);
                return true;
            } catch (IllegalArgumentException e) {
                return false;
            }
        }

        private void refuse(HttpServletRequest request, HttpServletResponse out, int status, String message) throws IOException {
            Answer answer = answer(request.getRequestURI(), status, message);
            out.setStatus(status);
            SecurityHeaders.ALL.forEach(out::setHeader);
            out.setContentType(answer.contentType());
            out.getOutputStream().write(answer.body());
        }
    }
}
