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

    PitchTimeline(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
                .param("reason", changed.reason()).param("at", Timestamp.from(changed.at())).update();
    }

    @Transactional(readOnly = true)
    PitchViews.Timeline of(PitchViews.Detail pitch) {
        List<Step> steps = new ArrayList<>();
        steps.add(new Step(Step.Kind.SENT, pitch.submittedAt(), null, null));
        // Opening is read from the pitch: a pitch decided on from the inbox was never opened on its own page, yet seen.
        if (pitch.viewedAt() != null) {
            steps.add(new Step(Step.Kind.OPENED, pitch.viewedAt(), null, null));
        }
        steps.addAll(jdbc.sql("""
                select status, reason, changed_at from pitch_status_change
                where pitch_id = :pitch and status <> 'VIEWED' order by changed_at, id""")
                .param("pitch", pitch.id())
                .query((rs, n) -> new Step(Step.Kind.valueOf(rs.getString(1)), rs.getTimestamp(3).toInstant(),
                        rs.getString(2), null)).list());
        pitch.messages().forEach(message -> steps.add(new Step(Step.Kind.MESSAGE, message.at(), null, message)));
        // A stable sort: at the same instant, opening comes before the decision that opened it, decisions before messages.
        steps.sort(Comparator.comparing(Step::at));
        return new PitchViews.Timeline(List.copyOf(steps), upcoming(pitch.status()));
    }

    private static List<String> upcoming(PitchStatus status) {
        return switch (status) {
            case SUBMITTED -> List.of("Opened by the journalist", "Shortlisted or declined", "Used in an article");
            case VIEWED -> List.of("Shortlisted or declined", "Used in an article");
            case SHORTLISTED -> List.of("Used in an article");
            case DECLINED, USED -> List.of();
        };
    }
}
