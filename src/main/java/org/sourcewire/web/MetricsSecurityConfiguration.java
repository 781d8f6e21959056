package org.sourcewire.web;

import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.IpAddressMatcher;

/**
 * {@code /actuator/prometheus} for an operator's Prometheus: on the app's own port, without the log-in form, but only
 * for the addresses in {@code sourcewire.web.metrics-addresses} (loopback by default). Everyone else gets a plain 403.
 * The address is the client's as Tomcat sees it: behind a configured trusted proxy, the one it forwarded.
 */
@Configuration(proxyBeanMethods = false)
class MetricsSecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain metricsFilterChain(HttpSecurity http, WebProperties web) throws Exception {
        List<IpAddressMatcher> allowed = web.metricsAddresses().stream().map(IpAddressMatcher::new).toList();
        http.securityMatcher("/actuator/prometheus")
                .authorizeHttpRequests(requests -> requests.anyRequest().access((authentication, context) ->
                        new AuthorizationDecision(allowed.stream().anyMatch(range -> range.matches(context.getRequest())))))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .exceptionHandling(denied -> denied
                        .authenticationEntryPoint((request, response, ex) -> response.sendError(HttpServletResponse.SC_FORBIDDEN))
                        .accessDeniedHandler((request, response, ex) -> response.sendError(HttpServletResponse.SC_FORBIDDEN)));
        return http.build();
    }
}
