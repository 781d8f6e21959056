package org.sourcewire.mail;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** One GreenMail SMTP server per test JVM on a free port; tests may stop and restart it to play "SMTP is down". */
public final class TestSmtp {

    private static final int PORT = freePort();
    private static GreenMail server;

    private TestSmtp() {
    }

    public static synchronized GreenMail server() {
        if (server == null) {
            start();
        }
        return server;
    }

    public static synchronized void start() {
        if (server == null) {
            server = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            server.start();
        }
    }

    public static synchronized void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** Points Spring Mail at the test server before the context is built. */
    public static class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            start();
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test-smtp", Map.of(
                    "spring.mail.host", "127.0.0.1",
                    "spring.mail.port", PORT,
                    "spring.mail.properties.mail.smtp.connectiontimeout", 2000,
                    "spring.mail.properties.mail.smtp.timeout", 2000)));
        }
    }
}
