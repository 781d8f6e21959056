package org.sourcewire.infrastructure;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Spring Session's repository with the last-access time written at most once per {@code resolution}.
 * <p>
 * Spring Session marks a session changed on every request, only because its last-access time moved, so each page
 * view ended with an UPDATE of the session row even when nothing in the session changed. Here a request moves the
 * time only when the stored one is at least {@code resolution} old; a session then expires at most that much early
 * (after 8 hours of inactivity, a minute sooner). Attribute changes (log-in, CSRF token, flash messages) are saved
 * as before.
 * <p>
 * It also reads a session once per request. Spring Session's filter saves the session when the response is
 * committed (a redirect, a written body), forgets the session it read, and when the request ends looks it up again
 * by the cookie's id: a second SELECT and deserialisation on nearly every request. Within a request wrapped by
 * {@link RequestScope} that look-up gets the session already read (the same object, with this request's changes).
 * <p>
 * And it reads without a transaction ({@link Transactions}): the read is one SELECT, which needs no BEGIN and COMMIT
 * around it. Writes keep theirs.
 */
final class ThrottledSessionRepository
        implements FindByIndexNameSessionRepository<ThrottledSessionRepository.ThrottledSession> {

    /** True while {@link #findById} reads through the delegate: {@link Transactions} then opens no transaction. */
    private static final ThreadLocal<Boolean> READING = new ThreadLocal<>();

    /** The sessions read during the current request, while {@link RequestScope} runs; null outside requests. */
    private static final ThreadLocal<Map<String, ThrottledSession>> READ = new ThreadLocal<>();

    private final FindByIndexNameSessionRepository<Session> delegate;
    private final Duration resolution;

    @SuppressWarnings("unchecked")
    ThrottledSessionRepository(FindByIndexNameSessionRepository<? extends Session> delegate, Duration resolution) {
        this.delegate = (FindByIndexNameSessionRepository<Session>) delegate;
        this.resolution = resolution;
    }

    @Override
    public ThrottledSession createSession() {
        return new ThrottledSession(delegate.createSession(), resolution);
    }

    @Override
    public void save(ThrottledSession session) {
        delegate.save(session.delegate);
    }

    @Override
    public ThrottledSession findById(String id) {
        Map<String, ThrottledSession> read = READ.get();
        ThrottledSession known = read == null ? null : read.get(id);
        if (known != null && known.getId().equals(id)) {
            return known;
        }
        Session found;
        READING.set(Boolean.TRUE);
        try {
            found = delegate.findById(id);
        }
        finally {
            READING.remove();
        }
        ThrottledSession session = found == null ? null : new ThrottledSession(found, resolution);
        if (read != null && session != null) {
            read.put(id, session);
        }
        return session;
    }

    @Override
    public void deleteById(String id) {
        Map<String, ThrottledSession> read = READ.get();
        if (read != null) {
            read.remove(id);
        }
        delegate.deleteById(id);
    }

    /**
     * Marks the span of one request, so its session is read from the database once. Runs before Spring Session's
     * filter, and so around it.
     */
    static final class RequestScope extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (READ.get() != null) {
                chain.doFilter(request, response);
                return;
            }
            READ.set(new HashMap<>());
            try {
                chain.doFilter(request, response);
            }
            finally {
                READ.remove();
            }
        }
    }

    /**
     * Spring Session's transactions (its bean {@code springSessionTransactionOperations}): each write in a new
     * transaction of its own, as Spring Session does by default, and the read of a session by id without one.
     */
    static final class Transactions implements TransactionOperations {

        private final TransactionTemplate writes;

        Transactions(PlatformTransactionManager transactionManager) {
            this.writes = new TransactionTemplate(transactionManager);
            this.writes.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        }

        @Override
        public <T> T execute(TransactionCallback<T> action) {
            return Boolean.TRUE.equals(READING.get()) ? TransactionOperations.withoutTransaction().execute(action)
                    : writes.execute(action);
        }
    }

    @Override
    public Map<String, ThrottledSession> findByIndexNameAndIndexValue(String indexName, String indexValue) {
        return delegate.findByIndexNameAndIndexValue(indexName, indexValue).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> new ThrottledSession(entry.getValue(), resolution)));
    }

    static final class ThrottledSession implements Session {

        private final Session delegate;
        private final Duration resolution;

        ThrottledSession(Session delegate, Duration resolution) {
            this.delegate = delegate;
            this.resolution = resolution;
        }

        @Override
        public void setLastAccessedTime(Instant lastAccessedTime) {
            if (Duration.between(delegate.getLastAccessedTime(), lastAccessedTime).compareTo(resolution) >= 0) {
                delegate.setLastAccessedTime(lastAccessedTime);
            }
        }

        @Override
        public Instant getLastAccessedTime() {
            return delegate.getLastAccessedTime();
        }

        @Override
        public String getId() {
            return delegate.getId();
        }

        @Override
        public String changeSessionId() {
            return delegate.changeSessionId();
        }

        @Override
        public <T> T getAttribute(String attributeName) {
            return delegate.getAttribute(attributeName);
        }

        @Override
        public Set<String> getAttributeNames() {
            return delegate.getAttributeNames();
        }

        @Override
        public void setAttribute(String attributeName, Object attributeValue) {
            delegate.setAttribute(attributeName, attributeValue);
        }

        @Override
        public void removeAttribute(String attributeName) {
            delegate.removeAttribute(attributeName);
        }

        @Override
        public Instant getCreationTime() {
            return delegate.getCreationTime();
        }

        @Override
        public void setMaxInactiveInterval(Duration interval) {
            delegate.setMaxInactiveInterval(interval);
        }

        @Override
        public Duration getMaxInactiveInterval() {
            return delegate.getMaxInactiveInterval();
        }

        @Override
        public boolean isExpired() {
            return delegate.isExpired();
        }
    }
}
