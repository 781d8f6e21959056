package org.sourcewire.web;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the site is reached.
 *
 * @param trustedProxies addresses or CIDR ranges of the reverse proxies whose {@code X-Forwarded-For}, {@code -Proto}
 *                       and {@code -Host} headers are believed; none by default
 * @param https          the site is served over HTTPS by a proxy: the session cookie is always {@code Secure} and
 *                       every response carries HSTS, whatever the proxy says about the request
 */
@ConfigurationProperties("sourcewire.web")
record WebProperties(List<String> trustedProxies, boolean https) {

    WebProperties {
        trustedProxies = trustedProxies == null ? List.of() : List.copyOf(trustedProxies);
    }
}
