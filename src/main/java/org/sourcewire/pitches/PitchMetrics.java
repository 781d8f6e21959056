package org.sourcewire.pitches;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The pitches module's meters for an operator: {@code sourcewire.pitches.sent} (pitches stored) and
 * {@code sourcewire.screening.backlog} (pitches still waiting for screening's verdict, read from the partial index at
 * each scrape).
 */
@Component
class PitchMetrics implements MeterBinder {

    private final JdbcClient jdbc;
    private Counter sent;

    PitchMetrics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        sent = Counter.builder("sourcewire.pitches.sent").description("pitches sent by sources").register(registry);
        Gauge.builder("sourcewire.screening.backlog", this, metrics -> metrics.waiting())
                .description("pitches stored but not yet screened").register(registry);
    }

    /**
     * Counted once the pitch is committed: a pitch refused or rolled back was never sent. A plain listener that asks
     * the transaction to call back, not a {@code @TransactionalEventListener}, which the event publication registry
     * would record and complete in transactions of their own for every pitch.
     */
    @EventListener
    void on(PitchSubmitted submitted) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            count();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                count();
            }
        });
    }

    private void count() {
        if (sent != null) {
            sent.increment();
        }
    }

    private double waiting() {
        return jdbc.sql("select count(*) from pitch where score is null").query(Long.class).single();
    }
}
