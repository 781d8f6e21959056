package org.sourcewire.web;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP/1.0 exchange on a plain socket to the app on loopback, for what java.net.http refuses to send: a forged
 * {@code Host} header. HTTP/1.0, so the answer comes whole (not chunked) and the connection closes after it.
 */
final class RawHttp {

    record Response(int status, List<String> headerLines, String body) {

        Optional<String> header(String name) {
            return headerLines.stream()
                    .filter(line -> line.regionMatches(true, 0, name + ":", 0, name.length() + 1))
                    .map(line -> line.substring(name.length() + 1).strip())
                    .findFirst();
        }

        /** The value of a cookie this response sets, e.g. {@code SESSION=abc}. */
        Optional<String> cookie(String name) {
            return headerLines.stream()
                    .filter(line -> line.regionMatches(true, 0, "Set-Cookie:", 0, 11))
                    .map(line -> line.substring(11).strip().split(";", 2)[0])
                    .filter(cookie -> cookie.startsWith(name + "="))
                    .findFirst();
        }
    }

    private RawHttp() {
    }

    static Response get(int port, String path, Map<String, String> headers) {
        return exchange(port, "GET " + path, headers, null);
    }

    static Response postForm(int port, String path, Map<String, String> headers, String form) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put("Content-Type", "application/x-www-form-urlencoded");
        all.put("Content-Length", String.valueOf(form.getBytes(StandardCharsets.UTF_8).length));
        return exchange(port, "POST " + path, all, form);
    }

    private static Response exchange(int port, String requestLine, Map<String, String> headers, String body) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            StringBuilder request = new StringBuilder(requestLine).append(" HTTP/1.0\r\n");
            headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
            request.append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.UTF_8));
            if (body != null) {
                out.write(body.getBytes(StandardCharsets.UTF_8));
            }
            out.flush();
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int end = response.indexOf("\r\n\r\n");
            List<String> lines = new ArrayList<>(List.of(response.substring(0, end).split("\r\n")));
            int status = Integer.parseInt(lines.remove(0).split(" ")[1]);
            return new Response(status, List.copyOf(lines), response.substring(end + 4));
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
