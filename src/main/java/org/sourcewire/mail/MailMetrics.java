package org.sourcewire.mail;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The outbox as an operator watches it, read from its partial indexes at each scrape:
 * {@code sourcewire.mail.outbox.backlog} (mails waiting to be sent, retries included) and
 * {@code sourcewire.mail.outbox.failed} (mails given up on after the last retry; Admin › Outbox lists them).
 * {@link OutboxSender} counts {@code sourcewire.mail.sent} and {@code sourcewire.mail.attempts.failed}.
 */
@Component
class MailMetrics implements MeterBinder {

    private final JdbcClient jdbc;

    MailMetrics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("sourcewire.mail.outbox.backlog", this, metrics -> metrics.count("PENDING"))
                .description("mails waiting in the outbox").register(registry);
        Gauge.builder("sourcewire.mail.outbox.failed", this, metrics -> metrics.count("FAILED"))
                .description("mails given up on after their last retry").register(registry);
    }

    private double count(String status) {
        return jdbc.sql("select count(*) from mail_outbox where status = :status").param("status", status)
                .query(Long.class).single();
    }
}
