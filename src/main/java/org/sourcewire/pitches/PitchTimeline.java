package org.sourcewire.pitches;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.sourcewire.pitches.PitchViews.Step;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A pitch's history: every status change stored with its time (and a decline's reason), and the timeline the pitch
 * page shows from it. The journalist's name never enters it: the messages carry the author as the reader may see it.
 */
@Component
class PitchTimeline {

    private final JdbcClient jdbc;

    private final java.time.Clock clock;

    PitchTimeline(JdbcClient jdbc, java.time.Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Stores the change in the transaction that makes it (a plain listener runs when the pitch is saved), so a
     * status never changes without its record.
     */
    @EventListener
    void record(PitchStatusChanged changed) {
        jdbc.sql("""
                insert into pitch_status_change (pitch_id, status, reason, changed_at)
                values (:pitch, :status, :reason, :at)""")
                .param("pitch", changed.pitchId()).param("status", changed.status().name())
                .param("reason", changed.reason() == null ? null : changed.reason().name())
                .param("at", Timestamp.from(changed.at())).update();
    }

    /**
     * The timeline; for its source without the latest decision while the journalist can still take it back (it has
     * not reached them).
     */
    @Transactional(readOnly = true)
    PitchViews.Timeline of(PitchViews.Detail pitch, boolean forSource) {
        List<Step> steps = new ArrayList<>();
        steps.add(new Step(Step.Kind.SENT, pitch.submittedAt(), null, null));
        // Opening is read from the pitch: a pitch decided on from the inbox was never opened on its own page, yet seen.
        if (pitch.viewedAt() != null) {
            steps.add(new Step(Step.Kind.OPENED, pitch.viewedAt(), null, null));
        }
        steps.addAll(jdbc.sql("""
                select c.status, c.reason, c.changed_at from pitch_status_change c
                where c.pitch_id = :pitch and c.status <> 'VIEWED'
                  and not (:forSource and c.id = (select max(l.id) from pitch_status_change l where l.pitch_id = c.pitch_id)
                           and exists (select 1 from pitch_undo u where u.pitch_id = c.pitch_id and u.expires_at > :now
                                       and u.decided_status = c.status))
                order by c.changed_at, c.id""")
                .param("pitch", pitch.id()).param("forSource", forSource)
                .param("now", java.sql.Timestamp.from(clock.instant()))
                .query((rs, n) -> new Step(Step.Kind.valueOf(rs.getString(1)), rs.getTimestamp(3).toInstant(),
                        DeclineReason.stored(rs.getString(2)), null)).list());
        pitch.messages().forEach(message -> steps.add(new Step(Step.Kind.MESSAGE, message.at(), null, message)));
        // A stable sort: at the same instant, opening comes before the decision that opened it, decisions before messages.
        steps.sort(Comparator.comparing(Step::at));
        return new PitchViews.Timeline(List.copyOf(steps), upcoming(pitch.status()));
    }

    /** The steps still to come, as keys of {@code messages.properties} (the page shows their words). */
    private static List<String> upcoming(PitchStatus status) {
        String opened = "pitches.detail.opened-journalist";
        String decided = "pitches.text.upcoming-decision";
        String used = "pitches.detail.used-in-article";
        return switch (status) {
            case SUBMITTED -> List.of(opened, decided, used);
            case VIEWED -> List.of(decided, used);
            case SHORTLISTED -> List.of(used);
            case DECLINED, USED -> List.of();
        };
    }
}
