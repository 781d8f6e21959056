package org.sourcewire.web;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.tomcat.util.http.InvalidParameterException;

import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers 400 (the layout's error page) for request parameters no browser sends and the app cannot take, once for
 * every form, query string and the log-in, before any of them is read:
 * <ul>
 * <li>a NUL character (U+0000) in a parameter's name or value: PostgreSQL refuses it in text, so it failed deep inside
 * whatever stored or searched it, as a 500;</li>
 * <li>parameters the container cannot decode (bytes that are not UTF-8, a malformed %-escape): Tomcat throws from the
 * first {@code getParameter}, which, in a controller, was logged as an ERROR.</li>
 * </ul>
 * This holds for every request, so a page that reads no parameter answers 400 to undecodable ones too. Other control
 * characters are stored and shown (escaped) like any text, so they pass. The check costs one scan of the parameters,
 * which a form post parses anyway (Spring Security reads its CSRF token from them).
 */
@Component
class BadParameterFilter extends OncePerRequestFilter implements Ordered {

    /**
     * After Spring Boot's character encoding filter (the highest precedence), which must come first because it sets
     * how the parameters are decoded; before the session and Spring Security, so a bad request touches neither.
     */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Map<String, String[]> parameters;
        try {
            parameters = request.getParameterMap();
        }
        catch (InvalidParameterException ex) {
            // Tomcat's status: 400 for what it cannot decode, 413 for a body above its limits.
            response.sendError(ex.getErrorCode() >= 400 && ex.getErrorCode() < 500 ? ex.getErrorCode()
                    : HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        if (containsNul(parameters)) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean containsNul(Map<String, String[]> parameters) {
        for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
            if (parameter.getKey().indexOf('\0') >= 0) {
                return true;
            }
            for (String value : parameter.getValue()) {
                if (value != null && value.indexOf('\0') >= 0) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
