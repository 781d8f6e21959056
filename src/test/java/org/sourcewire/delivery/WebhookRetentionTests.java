package org.sourcewire.delivery;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.sourcewire.IntegrationTest;
import org.sourcewire.accounts.CurrentUser;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sourcewire.accounts.TestAccounts.as;

/** Finished webhook messages go after 30 days; a message still being tried stays. */
class WebhookRetentionTests extends IntegrationTest {

    @Autowired
    WebhookRetention retention;

    @Test
    void oldFinishedMessagesGoAndTheSettingsPageStillListsTheRest() {
        CurrentUser source = accounts.source();
        long profile = sources.profile(source);
        message(profile, 1, "SENT", 31);
        message(profile, 2, "FAILED", 31);
        message(profile, 3, "CANCELLED", 31);
        message(profile, 4, "PENDING", 31);
        message(profile, 5, "SENT", 29);

        assertThat(retention.purge(Instant.now())).isGreaterThanOrEqualTo(3);

        assertThat(jdbc.sql("select query_id from webhook_message where source_id = :source order by query_id")
                .param("source", profile).query(Long.class).list()).containsExactly(4L, 5L);
        assertThat(mvc.get().uri("/delivery").with(as(source))).hasStatusOk();
    }

    private void message(long profile, long query, String status, int daysAgo) {
        Timestamp at = Timestamp.from(Instant.now().minus(Duration.ofDays(daysAgo)));
        jdbc.sql("""
                insert into webhook_message (source_id, query_id, url, format, status, next_attempt_at, created_at)
                values (:source, :query, 'https://hooks.example/retention', 'SLACK', :status, :at, :at)""")
                .param("source", profile).param("query", query).param("status", status).param("at", at).update();
    }
}
