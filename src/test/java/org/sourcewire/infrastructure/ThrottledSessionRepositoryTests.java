package org.sourcewire.infrastructure;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.FilterChain;

import org.junit.jupiter.api.Test;
import org.sourcewire.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.MapSession;
import org.springframework.session.MapSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

class ThrottledSessionRepositoryTests extends IntegrationTest {

    @Autowired
    ThrottledSessionRepository sessions;

    @Autowired
    ApplicationContext context;

    @Autowired
    @Qualifier("springSessionTransactionOperations")
    TransactionOperations sessionTransactions;

    @Test
    void theSessionFilterUsesTheThrottledRepository() {
        SessionRepositoryFilter<?> filter = context.getBean(SessionRepositoryFilter.class);
        assertThat(ReflectionTestUtils.getField(filter, "sessionRepository")).isSameAs(sessions);
    }

    @Test
    void aRequestWithinTheMinuteWritesNothingButAttributeChangesAndOlderAccessesAreSaved() {
        var created = sessions.createSession();
        created.setAttribute("greeting", "hello");
        sessions.save(created);
        String id = created.getId();
        long stored = lastAccess(id);

        // The next request, 30 seconds later, with nothing changed: no write.
        var next = sessions.findById(id);
        next.setLastAccessedTime(Instant.ofEpochMilli(stored).plusSeconds(30));
        sessions.save(next);
        assertThat(lastAccess(id)).isEqualTo(stored);

        // A request that changes an attribute saves it (still without moving the time).
        var changing = sessions.findById(id);
        changing.setLastAccessedTime(Instant.ofEpochMilli(stored).plusSeconds(40));
        changing.setAttribute("greeting", "hello again");
        sessions.save(changing);
        assertThat(sessions.findById(id).<String>getAttribute("greeting")).isEqualTo("hello again");

        // A request more than a minute after the stored time moves it, and so the expiry.
        var later = sessions.findById(id);
        Instant twoMinutes = Instant.ofEpochMilli(stored).plus(Duration.ofMinutes(2));
        later.setLastAccessedTime(twoMinutes);
        sessions.save(later);
        assertThat(lastAccess(id)).isEqualTo(twoMinutes.toEpochMilli());
        assertThat(sessions.findById(id).getLastAccessedTime()).isEqualTo(twoMinutes);

        sessions.deleteById(id);
        assertThat(sessions.findById(id)).isNull();
    }

    @Test
    void aRequestReadsItsSessionFromTheDatabaseOnce() throws Exception {
        CountingRepository counting = new CountingRepository();
        ThrottledSessionRepository repository = new ThrottledSessionRepository(counting, Duration.ofMinutes(1));
        var created = repository.createSession();
        repository.save(created);
        String id = created.getId();

        // Outside a request every look-up reads.
        repository.findById(id);
        repository.findById(id);
        assertThat(counting.reads).isEqualTo(2);

        // Within one request (as Spring Session looks the session up again when it has committed the response):
        // one read, and the second look-up gets the same session, with the request's changes.
        List<Object> seen = new ArrayList<>();
        FilterChain request = (req, res) -> {
            var first = repository.findById(id);
            first.setAttribute("greeting", "hello");
            seen.add(first);
            seen.add(repository.findById(id));
            repository.deleteById(id);
            seen.add(String.valueOf(repository.findById(id)));
        };
        new ThrottledSessionRepository.RequestScope().doFilter(new MockHttpServletRequest(), new MockHttpServletResponse(),
                request);
        assertThat(seen.get(1)).isSameAs(seen.get(0));
        assertThat(seen.get(2)).isEqualTo("null");
        assertThat(counting.reads).isEqualTo(4);

        // The next request reads afresh: nothing is kept between requests.
        var again = repository.createSession();
        repository.save(again);
        new ThrottledSessionRepository.RequestScope().doFilter(new MockHttpServletRequest(), new MockHttpServletResponse(),
                (req, res) -> repository.findById(again.getId()));
        new ThrottledSessionRepository.RequestScope().doFilter(new MockHttpServletRequest(), new MockHttpServletResponse(),
                (req, res) -> repository.findById(again.getId()));
        assertThat(counting.reads).isEqualTo(6);
    }

    @Test
    void aSessionIsReadWithoutATransactionAndWrittenInOne() {
        // Spring Session's repository got the transactions that know reads from writes, and the app keeps its template.
        Object jdbcRepository = ReflectionTestUtils.getField(sessions, "delegate");
        assertThat(ReflectionTestUtils.getField(jdbcRepository, "transactionOperations")).isSameAs(sessionTransactions);
        assertThat(context.getBean(TransactionTemplate.class)).isNotSameAs(sessionTransactions);

        List<Boolean> inTransaction = new ArrayList<>();
        CountingRepository counting = new CountingRepository() {
            @Override
            public void save(Session session) {
                sessionTransactions.execute(status -> {
                    inTransaction.add(TransactionSynchronizationManager.isActualTransactionActive());
                    super.save(session);
                    return null;
                });
            }

            @Override
            public Session findById(String id) {
                return sessionTransactions.execute(status -> {
                    inTransaction.add(TransactionSynchronizationManager.isActualTransactionActive());
                    return super.findById(id);
                });
            }
        };
        ThrottledSessionRepository repository = new ThrottledSessionRepository(counting, Duration.ofMinutes(1));
        var created = repository.createSession();
        repository.save(created);
        repository.findById(created.getId());
        repository.save(created);
        assertThat(inTransaction).containsExactly(true, false, true);
    }

    @Test
    void theReadOncePerRequestFilterRunsAroundSpringSessionsFilter() {
        var scopes = context.getBeansOfType(FilterRegistrationBean.class).values().stream()
                .filter(registration -> registration.getFilter() instanceof ThrottledSessionRepository.RequestScope).toList();
        assertThat(scopes).singleElement().satisfies(scope -> assertThat(scope.getOrder())
                .isLessThan(SessionRepositoryFilter.DEFAULT_ORDER));
    }

    /** An in-memory repository that counts its reads. */
    static class CountingRepository implements FindByIndexNameSessionRepository<Session> {

        private final MapSessionRepository sessions = new MapSessionRepository(new ConcurrentHashMap<>());
        int reads;

        @Override
        public Session createSession() {
            return sessions.createSession();
        }

        @Override
        public void save(Session session) {
            sessions.save((MapSession) session);
        }

        @Override
        public Session findById(String id) {
            reads++;
            return sessions.findById(id);
        }

        @Override
        public void deleteById(String id) {
            sessions.deleteById(id);
        }

        @Override
        public Map<String, Session> findByIndexNameAndIndexValue(String indexName, String indexValue) {
            return Map.of();
        }
    }

    private long lastAccess(String sessionId) {
        return jdbc.sql("select last_access_time from spring_session where session_id = :id").param("id", sessionId)
                .query(Long.class).single();
    }
}
