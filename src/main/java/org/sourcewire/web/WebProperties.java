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
 * @param metricsAddresses addresses or CIDR ranges that may read {@code /actuator/prometheus}; loopback by default
 */
@ConfigurationProperties("sourcewire.web")
record WebProperties(List<String> trustedProxies, boolean https, List<String> metricsAddresses) {

    WebProperties {
        trustedProxies = trustedProxies == null ? List.of() : List.copyOf(trustedProxies);
        metricsAddresses = metricsAddresses == null ? List.of("127.0.0.1/8", "::1/128") : List.copyOf(metricsAddresses);
    }
}
