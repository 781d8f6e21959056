package org.sourcewire.shared;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Absolute links for e-mails and public pages. They come from the configured {@code sourcewire.base-url}, never from
 * the request's Host header, so nobody can make a password-reset mail point to their own site. Without a configured
 * address (a developer's machine), {@code http://localhost:<the port the app listens on>}.
 */
@Component
public class SiteUrls {

    private final boolean configured;

    private volatile String baseUrl;

    SiteUrls(@Value("${sourcewire.base-url:}") String baseUrl) {
        this.baseUrl = baseUrl.isBlank() ? "http://localhost:8080"
                : baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.configured = !baseUrl.isBlank();
    }

    /** The port is known only once the server listens (e.g. {@code --server.port=8081}, or 0 in tests). */
    @EventListener
    void listening(WebServerInitializedEvent event) {
        if (!configured && event.getWebServer().getPort() > 0) {
            baseUrl = "http://localhost:" + event.getWebServer().getPort();
        }
    }

    /** The site's own address, without a trailing slash. */
    public String base() {
        return baseUrl;
    }

    public String link(String path) {
        return baseUrl + path;
    }

    public String link(String path, String parameter, String value) {
        return UriComponentsBuilder.fromUriString(baseUrl + path).queryParam(parameter, value).encode().build().toUriString();
    }
}
