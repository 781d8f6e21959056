package org.sourcewire.web;

import org.sourcewire.accounts.LoginThrottledException;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        // Log-in uses the accounts module's AuthenticationProvider bean, which Spring Security picks up globally;
        // registering it here as well would run it twice per attempt (and count every failure twice).
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/", "/login", "/signup", "/verify-email", "/password-reset",
                                "/password-reset/new", "/signup/check-email", "/verify-email/new-link", "/error", "/error/**",
                                "/experts/**").permitAll()
                        // One-click unsubscribe from digests: the signed token is the authorisation.
                        .requestMatchers("/digests/unsubscribe").permitAll()
                        .requestMatchers("/webjars/**", "/assets/**", "/favicon.ico").permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers("/admin/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                // RFC 8058: mail clients POST List-Unsubscribe=One-Click without a CSRF token.
                .csrf(csrf -> csrf.ignoringRequestMatchers("/digests/unsubscribe"))
                .formLogin(form -> form
                        .loginPage("/login")
                        .usernameParameter("email")
                        .passwordParameter("password")
                        .defaultSuccessUrl("/dashboard")
                        .failureHandler(loginFailureHandler())
                        .permitAll())
                .logout(logout -> logout
                        .logoutUrl("/logout")
                        .logoutSuccessUrl("/?loggedOut")
                        .permitAll())
                .headers(headers -> headers
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; img-src 'self' data:; "
                                + "style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'; "
                                + "base-uri 'self'; object-src 'none'")));
        return http.build();
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
