package org.sourcewire.web;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP over a plain socket to the app on loopback, bytes and headers exactly as given, for what {@link java.net.URI},
 * java.net.http and MockMvc cannot send and for Tomcat's own answer to it: an invalid %-escape, bytes that are not
 * UTF-8 (an HTTP/1.1 client that keeps one session cookie), a forged {@code Host} header (one HTTP/1.0 exchange, so
 * the answer comes whole, not chunked).
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

        Optional<String> header(String name) {
            return Arrays.stream(head.split("\r\n")).skip(1)
                    .filter(line -> line.regionMatches(true, 0, name + ":", 0, name.length() + 1))
                    .map(line -> line.substring(name.length() + 1).strip())
                    .findFirst();
        }

        /** The value of a cookie this response sets, e.g. {@code SESSION=abc}. */
        Optional<String> cookie(String name) {
            return Arrays.stream(head.split("\r\n")).skip(1)
                    .filter(line -> line.regionMatches(true, 0, "Set-Cookie:", 0, 11))
                    .map(line -> line.substring(11).strip().split(";", 2)[0])
                    .filter(cookie -> cookie.startsWith(name + "="))
                    .findFirst();
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

    /** One HTTP/1.0 GET with exactly these headers (no Host unless given). */
    static Response get(int port, String path, Map<String, String> headers) {
        return exchange(port, "GET " + path + " HTTP/1.0", headers, null);
    }

    /** One HTTP/1.0 form post with exactly these headers (no Host unless given). */
    static Response postForm(int port, String path, Map<String, String> headers, String form) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put("Content-Type", "application/x-www-form-urlencoded");
        byte[] body = form.getBytes(StandardCharsets.UTF_8);
        all.put("Content-Length", String.valueOf(body.length));
        return exchange(port, "POST " + path + " HTTP/1.0", all, body);
    }

    private Response send(String requestLine, byte[] body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Host", "localhost");
        headers.put("Accept", "text/html");
        headers.put("Connection", "close");
        if (cookie != null) {
            headers.put("Cookie", cookie);
        }
        if (body != null) {
            headers.put("Content-Type", "application/x-www-form-urlencoded");
            headers.put("Content-Length", String.valueOf(body.length));
        }
        Response response = exchange(port, requestLine, headers, body);
        Matcher session = SESSION.matcher(response.head());
        if (session.find()) {
            cookie = session.group(1);
        }
        return response;
    }

    private static Response exchange(int port, String requestLine, Map<String, String> headers, byte[] body) {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            StringBuilder head = new StringBuilder(requestLine).append("\r\n");
            headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            OutputStream out = socket.getOutputStream();
            out.write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) {
                out.write(body);
            }
            out.flush();
            String raw = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int split = raw.indexOf("\r\n\r\n");
            String responseHead = split < 0 ? raw : raw.substring(0, split);
            int status = Integer.parseInt(responseHead.substring(9, 12));
            return new Response(status, responseHead, split < 0 ? "" : raw.substring(split + 4));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
