package org.sourcewire.web;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP/1.1 over a plain socket, bytes exactly as given: for what {@link java.net.URI} and MockMvc cannot send (an
 * invalid %-escape, bytes that are not UTF-8) and for Tomcat's own answer to them. Keeps one session cookie.
 */
final class RawHttp {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern SESSION = Pattern.compile("(?i)Set-Cookie: (SESSION=[^;\r\n]+)");

    private final int port;
    private String cookie;

    RawHttp(int port) {
        this.port = port;
    }

    record Response(int status, String head, String body) {

        String title() {
            Matcher title = Pattern.compile("<title>([^<]*)</title>").matcher(body);
            return title.find() ? title.group(1).strip() : "";
        }
    }

    Response get(String target) {
        return send("GET " + target + " HTTP/1.1", null);
    }

    /** A form post with the session's CSRF token put first; {@code body} is sent as it is (it may be invalid). */
    Response post(String target, String csrf, String body) {
        String form = "_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8) + (body.isEmpty() ? "" : "&" + body);
        return send("POST " + target + " HTTP/1.1", form.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** The CSRF token of the session, read from a page with a form. */
    String csrf(String page) {
        Matcher token = CSRF.matcher(get(page).body());
        if (!token.find()) {
            throw new AssertionError("No CSRF token on " + page);
        }
        return token.group(1);
    }

    /** Logs in through the real form; the session cookie then belongs to {@code email}. */
    RawHttp logIn(String email, String password) {
        String csrf = csrf("/login");
        Response response = post("/login", csrf, "email=" + URLEncoder.encode(email, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8));
        if (response.status() != 302 || response.head().contains("error")) {
            throw new AssertionError("Log-in failed: " + response.head());
        }
        return this;
    }

    private Response send(String requestLine, byte[] body) {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            StringBuilder head = new StringBuilder(requestLine).append("\r\nHost: localhost\r\nAccept: text/html\r\n")
                    .append("Connection: close\r\n");
            if (cookie != null) {
                head.append("Cookie: ").append(cookie).append("\r\n");
            }
            if (body != null) {
                head.append("Content-Type: application/x-www-form-urlencoded\r\nContent-Length: ").append(body.length)
                        .append("\r\n");
            }
            OutputStream out = socket.getOutputStream();
            out.write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) {
                out.write(body);
            }
            out.flush();
            String raw = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int split = raw.indexOf("\r\n\r\n");
            String responseHead = split < 0 ? raw : raw.substring(0, split);
            Matcher session = SESSION.matcher(responseHead);
            if (session.find()) {
                cookie = session.group(1);
            }
            int status = Integer.parseInt(responseHead.substring(9, 12));
            return new Response(status, responseHead, split < 0 ? "" : raw.substring(split + 4));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
