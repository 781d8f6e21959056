package org.sourcewire.infrastructure;

import java.io.IOException;
import java.time.Duration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Which read-only work may go to the replica: that of a browser's request, unless the browser wrote within the last
 * few seconds ({@code sourcewire.datasource.replica.read-your-writes}) or this request already wrote. A request that
 * commits a write marks its browser with a short-lived cookie, so the page it redirects to (send a pitch, then open
 * it) reads from the primary even if the replica lags behind.
 * <p>
 * A cookie rather than the session: it costs no database write, and every instance behind a proxy sees it. Faking
 * it only sends that browser's reads to the primary. Work outside a request (jobs, module event listeners, which
 * often read what the transaction before them wrote) always stays on the primary.
 */
final class ReadYourWrites extends OncePerRequestFilter implements TransactionExecutionListener {

    static final String COOKIE = "sourcewire-wrote";

    private static final ThreadLocal<Request> current = new ThreadLocal<>();

    private final int seconds;

    ReadYourWrites(Duration window) {
        this.seconds = (int) Math.max(1, window.toSeconds());
    }

    /** Whether read-only work on this thread may read from the replica now. */
    static boolean replicaAllowed() {
        Request request = current.get();
        return request != null && !request.pinned;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        current.set(new Request(response, wroteRecently(request)));
        try {
            chain.doFilter(request, response);
        }
        finally {
            current.remove();
        }
    }

    @Override
    public void afterCommit(TransactionExecution transaction, Throwable commitFailure) {
        Request request = current.get();
        if (request == null || commitFailure != null || transaction.isReadOnly() || !transaction.isNewTransaction()) {
            return;
        }
        if (!request.marked && !request.response.isCommitted()) {
            Cookie cookie = new Cookie(COOKIE, "1");
            cookie.setPath("/");
            cookie.setMaxAge(seconds);
            cookie.setHttpOnly(true);
            cookie.setAttribute("SameSite", "Lax");
            request.response.addCookie(cookie);
            request.marked = true;
        }
        request.pinned = true;
    }

    private static boolean wroteRecently(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (COOKIE.equals(cookie.getName())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static final class Request {

        private final HttpServletResponse response;
        private boolean pinned;
        private boolean marked;

        Request(HttpServletResponse response, boolean pinned) {
            this.response = response;
            this.pinned = pinned;
        }
    }
}
