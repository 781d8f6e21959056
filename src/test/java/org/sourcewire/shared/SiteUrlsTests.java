package org.sourcewire.shared;

import org.junit.jupiter.api.Test;

import org.springframework.boot.web.server.WebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;

import static org.assertj.core.api.Assertions.assertThat;

class SiteUrlsTests {

    @Test
    void withoutAConfiguredAddressLinksUseThePortTheAppListensOn() {
        SiteUrls urls = new SiteUrls("");
        urls.listening(listeningOn(8081));
        assertThat(urls.link("/login")).isEqualTo("http://localhost:8081/login");
        assertThat(urls.link("/verify-email", "token", "a b")).isEqualTo("http://localhost:8081/verify-email?token=a%20b");
    }

    @Test
    void aConfiguredAddressWinsOverThePort() {
        SiteUrls urls = new SiteUrls("https://sourcewire.example.com/");
        urls.listening(listeningOn(8081));
        assertThat(urls.link("/login")).isEqualTo("https://sourcewire.example.com/login");
        assertThat(urls.base()).isEqualTo("https://sourcewire.example.com");
    }

    private static WebServerInitializedEvent listeningOn(int port) {
        WebServer server = new WebServer() {
            @Override
            public void start() {
            }

            @Override
            public void stop() {
            }

            @Override
            public int getPort() {
                return port;
            }
        };
        return new WebServerInitializedEvent(server) {
            @Override
            public WebServerApplicationContext getApplicationContext() {
                return null;
            }
        };
    }
}
