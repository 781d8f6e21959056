package org.sourcewire.shared;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Absolute links for e-mails. They come from the configured {@code sourcewire.base-url}, never from the request's
 * Host header, so nobody can make a password-reset mail point to their own site.
 */
@Component
public class SiteUrls {

    private final String baseUrl;

    SiteUrls(@Value("${sourcewire.base-url}") String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    public String link(String path) {
        return baseUrl + path;
    }

    public String link(String path, String parameter, String value) {
        return UriComponentsBuilder.fromUriString(baseUrl + path).queryParam(parameter, value).encode().build().toUriString();
    }
}
