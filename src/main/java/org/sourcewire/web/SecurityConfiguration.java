package org.sourcewire.web;

import java.time.Duration;

import org.sourcewire.accounts.LoginThrottledException;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.header.writers.HstsHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.UrlUtils;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;

@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /** Browser features the site never uses, off for it and anything it might embed (all known to Chromium 156). */
    private static final String PERMISSIONS_POLICY = "accelerometer=(), autoplay=(), camera=(), "
            + "display-capture=(), geolocation=(), gyroscope=(), hid=(), magnetometer=(), microphone=(), midi=(), "
            + "payment=(), screen-wake-lock=(), serial=(), usb=(), xr-spatial-tracking=()";

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, WebProperties web) throws Exception {
        // Log-in uses the accounts module's AuthenticationProvider bean, which Spring Security picks up globally;
        // registering it here as well would run it twice per attempt (and count every failure twice).
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/", "/login", "/signup", "/verify-email", "/password-reset",
                                "/password-reset/new", "/signup/check-email", "/verify-email/new-link", "/error", "/error/**",
                                "/experts/**", "/transparency").permitAll()
                        // One-click unsubscribe from digests: the signed token is the authorisation.
                        .requestMatchers("/digests/unsubscribe").permitAll()
                        // A source's private feed, read by feed readers: the token in the address is the authorisation.
                        .requestMatchers("/feeds/*/atom", "/feeds/*/rss").permitAll()
                        .requestMatchers("/webjars/**", "/assets/**", "/favicon.ico").permitAll()
                        .requestMatchers("/robots.txt", "/sitemap.xml").permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers("/admin/**").hasRole("ADMIN")
                        // Pages of one role: any other role gets 403, before its request is read.
                        // A team's invitation link opens without log-in when it brings a profile set up for someone
                        // without an account, who takes it there (TeamController sends everyone else to log in); any
                        // account may open and accept an invitation.
                        .requestMatchers(HttpMethod.GET, "/teams/join").permitAll()
                        .requestMatchers(HttpMethod.POST, "/teams/join/profile").permitAll()
                        .requestMatchers("/teams/join").authenticated()
                        .requestMatchers("/feed", "/profile/**", "/standing/**", "/delivery/**", "/digests/settings",
                                "/dashboard/pitches", "/pitches/snippets/**", "/teams/**", "/invitations/unseen")
                                .hasRole("SOURCE")
                        // Journalists send invitations; sources read theirs, by any other method (HEAD too).
                        .requestMatchers(HttpMethod.POST, "/invitations").hasRole("JOURNALIST")
                        .requestMatchers("/invitations").hasRole("SOURCE")
                        .requestMatchers(HttpMethod.POST, "/queries/*", "/queries/*/close", "/queries/*/duplicate")
                                .hasRole("JOURNALIST")
                        .requestMatchers("/queries", "/queries/new", "/queries/templates/**", "/queries/*/template",
                                "/queries/form/**", "/pitches/settings", "/invitations/new").hasRole("JOURNALIST")
                        .requestMatchers("/directory").hasAnyRole("JOURNALIST", "ADMIN")
                        .anyRequest().authenticated())
                // RFC 8058: mail clients POST List-Unsubscribe=One-Click without a CSRF token.
                .csrf(csrf -> csrf.ignoringRequestMatchers("/digests/unsubscribe"))
                .formLogin(form -> form
                        .loginPage("/login")
                        .usernameParameter("email")
                        .passwordParameter("password")
                        .successHandler(loginSuccessHandler())
                        .failureHandler(loginFailureHandler())
                        .permitAll())
                .logout(logout -> logout
                        .logoutUrl("/logout")
                        .logoutSuccessUrl("/?loggedOut")
                        .permitAll())
                .headers(headers -> headers
                        .httpStrictTransportSecurity(HeadersConfigurer.HstsConfig::disable)
                        .addHeaderWriter(strictTransportSecurity(web))
                        .permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; img-src 'self' data:; "
                                + "style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'; "
                                + "base-uri 'self'; object-src 'none'")));
        return http.build();
    }

    /**
     * HSTS for a year. Not for subdomains: on a self-hosted site they may be other services, still on plain http. By
     * default only on a secure request; with {@code sourcewire.web.https} on every one, as the request behind a TLS
     * proxy may look like plain http (a proxy that sends no {@code X-Forwarded-Proto}, or nginx's own {@code $scheme}).
     */
    static HstsHeaderWriter strictTransportSecurity(WebProperties web) {
        HstsHeaderWriter hsts = new HstsHeaderWriter(Duration.ofDays(365).toSeconds(), false);
        if (web.https()) {
            hsts.setRequestMatcher(AnyRequestMatcher.INSTANCE);
        }
        return hsts;
    }

    /**
     * After log-in, back to the page asked for before (or to the dashboard), by its path alone: Spring Security keeps
     * that page as an absolute URL, its host taken from the request's {@code Host} header.
     */
    private static AuthenticationSuccessHandler loginSuccessHandler() {
        SavedRequestAwareAuthenticationSuccessHandler handler = new SavedRequestAwareAuthenticationSuccessHandler();
        handler.setDefaultTargetUrl("/dashboard");
        handler.setRedirectStrategy(new DefaultRedirectStrategy() {
            @Override
            protected String calculateRedirectUrl(String contextPath, String url) {
                if (!UrlUtils.isAbsoluteUrl(url)) {
                    return super.calculateRedirectUrl(contextPath, url);
                }
                int path = url.indexOf('/', url.indexOf("://") + 3);
                return path < 0 ? "/" : url.substring(path);
            }
        });
        return handler;
    }

    /** Sends a failed log-in back to the form with a reason code; the page turns it into a clear message. */
    private static AuthenticationFailureHandler loginFailureHandler() {
        return (request, response, exception) -> {
            String target = "/login?error=bad";
            if (exception instanceof LoginThrottledException throttled) {
                target = "/login?" + throttled.loginPageQuery();
            }
            else if (exception instanceof DisabledException) {
                target = "/login?error=suspended";
            }
            response.sendRedirect(request.getContextPath() + target);
        };
    }
}
