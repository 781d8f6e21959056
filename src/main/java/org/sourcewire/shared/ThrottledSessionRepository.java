package org.sourcewire.shared;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

/**
 * Spring Session's repository with the last-access time written at most once per {@code resolution}.
 * <p>
 * Spring Session marks a session changed on every request, only because its last-access time moved, so each page
 * view ended with an UPDATE of the session row even when nothing in the session changed. Here a request moves the
 * time only when the stored one is at least {@code resolution} old; a session then expires at most that much early
 * (after 8 hours of inactivity, a minute sooner). Attribute changes (log-in, CSRF token, flash messages) are saved
 * as before.
 */
final class ThrottledSessionRepository
        implements FindByIndexNameSessionRepository<ThrottledSessionRepository.ThrottledSession> {

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
        Session found = delegate.findById(id);
        return found == null ? null : new ThrottledSession(found, resolution);
    }

    @Override
    public void deleteById(String id) {
        delegate.deleteById(id);
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
