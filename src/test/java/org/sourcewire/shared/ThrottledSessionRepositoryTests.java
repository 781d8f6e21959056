package org.sourcewire.shared;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.sourcewire.SourcewireIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.test.util.ReflectionTestUtils;

import static org.assertj.core.api.Assertions.assertThat;

@SourcewireIntegrationTest
class ThrottledSessionRepositoryTests {

    @Autowired
    ThrottledSessionRepository sessions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationContext context;

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

    private long lastAccess(String sessionId) {
        return jdbc.sql("select last_access_time from spring_session where session_id = :id").param("id", sessionId)
                .query(Long.class).single();
    }
}
