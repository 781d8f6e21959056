package org.sourcewire.screening;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.sourcewire.pitches.PitchEdited;
import org.sourcewire.pitches.PitchManagement;
import org.sourcewire.pitches.PitchScreening;
import org.sourcewire.pitches.PitchSubmitted;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Screens each pitch just after it is stored (or changed), off the request path: the source is answered at once and
 * the journalist's inbox shows the pitch as being screened for the moment it takes. Each event waits in Spring
 * Modulith's event publication registry until it is handled, so a pitch sent just before a crash is screened after
 * the restart. The work runs on screening's own small thread pool ({@link ScreeningConfiguration}), so a burst of
 * pitches queues up there instead of taking every core from the pages.
 */
@Component
class PitchScreeningListener {

    private final ScreeningService screening;
    private final PitchManagement pitches;
    private final PitchSignals signals;
    private final Timer time;

    PitchScreeningListener(ScreeningService screening, PitchManagement pitches, PitchSignals signals,
            MeterRegistry meters) {
        this.screening = screening;
        this.pitches = pitches;
        this.signals = signals;
        this.time = Timer.builder("sourcewire.screening.time").description("screening one pitch, from lock to verdict")
                .publishPercentiles(0.5, 0.99).register(meters);
    }

    /**
     * Loads screening's models on a screening thread as soon as the app is up (about a second), so neither the first
     * pitch nor the first pre-flight check waits for them.
     */
    @Async(ScreeningConfiguration.EXECUTOR)
    @EventListener(ApplicationReadyEvent.class)
    void warmUp() {
        signals.warmUp();
    }

    @Async(ScreeningConfiguration.EXECUTOR)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    @TransactionalEventListener
    void on(PitchSubmitted submitted) {
        screen(submitted.pitchId());
    }

    @Async(ScreeningConfiguration.EXECUTOR)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    @TransactionalEventListener
    void on(PitchEdited edited) {
        screen(edited.pitchId());
    }

    /**
     * The pitch as stored now (locked while it is screened), screened, remembered and its verdict stored. The first
     * copies of a template look innocent until the later ones arrive: a pitch with the same text as two or more other
     * sources flags theirs, a flagged pitch that rewords two or more other sources' pitches flags those, and a source's
     * same text reaching a third query flags its earlier sends. (A single earlier source may have written the original
     * a copier took: it joins the cluster unflagged.) A pitch that copies or rewords earlier ones joins their cluster,
     * which the inbox shows as one entry.
     */
    private void screen(long pitchId) {
        time.record(() -> screenNow(pitchId));
    }

    private void screenNow(long pitchId) {
        pitches.lockForScreening(pitchId).ifPresent(draft -> {
            ScreeningService.Screened screened = screening.screenWithCluster(draft);
            PitchScreening.Verdict verdict = screened.verdict();
            screening.remember(pitchId, draft, verdict);
            pitches.recordVerdict(pitchId, verdict);
            if (!screened.similar().isEmpty()) {
                pitches.cluster(pitchId, screened.similar());
            }
            if (!screened.copied().isEmpty()) {
                pitches.flag(screened.copied(), new PitchScreening.Reason(
                        "the same text came later from another source", 0, true));
            }
            if (!screened.templated().isEmpty()) {
                pitches.flag(screened.templated(), new PitchScreening.Reason(
                        "this source sent the same text to several queries (a mass mailing)", 0, true));
            }
            if (verdict.flagged() && !screened.reworded().isEmpty()) {
                pitches.flag(screened.reworded(), new PitchScreening.Reason(
                        "reworded copies of it came later from other sources (a template)", 0, true));
            }
        });
    }
}
