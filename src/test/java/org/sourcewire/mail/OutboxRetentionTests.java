package org.sourcewire.mail;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.sourcewire.IntegrationTest;
import org.sourcewire.accounts.TestAccounts;

import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sourcewire.accounts.TestAccounts.as;

/** Sent mail goes after 7 days, mail given up on after 30; mail still waiting stays however old. */
class OutboxRetentionTests extends IntegrationTest {

    @Autowired
    OutboxRetention retention;

    @Autowired
    Outbox outbox;

    @Test
    void oldSentAndFailedMailGoesAndWaitingMailStays() {
        String to = TestAccounts.uniqueEmail("retention");
        mail(to, "sent 8 days ago", "SENT", 8);
        mail(to, "logged 8 days ago", "LOGGED", 8);
        mail(to, "sent 6 days ago", "SENT", 6);
        mail(to, "failed 29 days ago", "FAILED", 29);
        mail(to, "failed 31 days ago", "FAILED", 31);
        mail(to, "pending 40 days ago", "PENDING", 40);

        assertThat(retention.purge(Instant.now())).isGreaterThanOrEqualTo(3);

        assertThat(jdbc.sql("select subject from mail_outbox where recipient = :to order by id").param("to", to)
                .query(String.class).list())
                .containsExactly("sent 6 days ago", "failed 29 days ago", "pending 40 days ago");
        assertThat(mvc.get().uri("/admin/outbox").param("to", to).with(as(accounts.admin()))).hasStatusOk().bodyText()
                .contains("sent 6 days ago").contains("pending 40 days ago").doesNotContain("sent 8 days ago");
    }

    private void mail(String to, String subject, String status, int daysAgo) {
        outbox.queue(new Email(to, new DefaultMessageSourceResolvable(null, null, subject), "mail/password-changed",
                Map.of("name", "Retention", "resetLink", "http://localhost/password-reset")));
        jdbc.sql("update mail_outbox set status = :status, created_at = :at where recipient = :to and subject = :subject")
                .param("status", status).param("at", Timestamp.from(Instant.now().minus(Duration.ofDays(daysAgo))))
                .param("to", to).param("subject", subject).update();
    }
}
