package org.sourcewire.shared;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.sourcewire.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Completed event publications go after 7 days; failed and unfinished ones stay. */
class EventPublicationRetentionTests extends IntegrationTest {

    @Autowired
    EventPublicationRetention retention;

    @Test
    void completedPublicationsOlderThanTheRetentionGo() {
        UUID oldCompleted = publication(10, 10, "COMPLETED");
        UUID recentCompleted = publication(6, 6, "COMPLETED");
        UUID oldFailed = publication(10, null, "FAILED");
        try {
            retention.run();

            assertThat(jdbc.sql("select id from event_publication where id in (:ids)")
                    .param("ids", List.of(oldCompleted, recentCompleted, oldFailed)).query(UUID.class).list())
                    .containsExactlyInAnyOrder(recentCompleted, oldFailed);
        }
        finally {
            // No other test's registry look-up should ever meet these made-up listeners.
            jdbc.sql("delete from event_publication where listener_id = 'retention.test.Listener'").update();
        }
    }

    private UUID publication(int publishedDaysAgo, Integer completedDaysAgo, String status) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into event_publication (id, listener_id, event_type, serialized_event, publication_date,
                    completion_date, status, completion_attempts)
                values (:id, 'retention.test.Listener', 'retention.test.Event', '{}', :published, :completed, :status, 1)""")
                .param("id", id).param("published", daysAgo(publishedDaysAgo))
                .param("completed", completedDaysAgo == null ? null : daysAgo(completedDaysAgo), java.sql.Types.TIMESTAMP)
                .param("status", status).update();
        return id;
    }

    private static Timestamp daysAgo(int days) {
        return Timestamp.from(Instant.now().minus(Duration.ofDays(days)));
    }
}
