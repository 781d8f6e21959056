package org.sourcewire.pitches;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.sourcewire.accounts.AccountView;
import org.sourcewire.mail.Email;
import org.sourcewire.mail.Outbox;
import org.sourcewire.queries.QueryManagement;
import org.sourcewire.queries.QueryView;
import org.sourcewire.shared.Messages;
import org.sourcewire.shared.RuleException;
import org.sourcewire.shared.SiteUrls;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The journalist's decisions on pitches: opening, shortlisting, declining (one, a selection or a cluster), marking as
 * used, reporting, and taking a decision back within the undo window; the source hears of each by mail.
 */
@Service
@Transactional
class PitchTriage {

    private final Pitches pitches;
    private final QueryManagement queries;
    private final Outbox outbox;
    private final SiteUrls urls;
    private final JdbcClient jdbc;
    private final PitchesProperties properties;
    private final Clock clock;
    private final PitchAccess access;
    private final Messages messages;

    PitchTriage(Pitches pitches, QueryManagement queries, Outbox outbox, SiteUrls urls, JdbcClient jdbc,
            PitchesProperties properties, Clock clock, PitchAccess access, Messages messages) {
        this.pitches = pitches;
        this.queries = queries;
        this.outbox = outbox;
        this.urls = urls;
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
        this.access = access;
        this.messages = messages;
    }

    /** The journalist opens a pitch: it becomes "viewed" (and so no longer editable by the source). */
    Optional<PitchViews.Detail> open(UUID publicId, AccountView journalist) {
        return access.journalistPitch(publicId, journalist).map(pitch -> {
            // Only the first opening writes; it locks the row then, so it never meets the source's edit half-way.
            if (pitch.isEditable()) {
                pitches.lockAndRefresh(pitch);
                if (pitch.markViewed(clock.instant())) {
                    pitches.save(pitch);
                }
            }
            return access.detail(pitch, queries.find(pitch.getQueryId()).orElseThrow());
        });
    }

    void shortlist(UUID publicId, AccountView journalist) {
        shortlist(access.decidable(publicId, journalist), journalist);
    }

    private boolean shortlist(Pitch pitch, AccountView journalist) {
        Decided before = Decided.before(pitch);
        boolean moved = pitch.shortlist(clock.instant());
        pitches.save(pitch);
        if (moved) {
            remember(pitch, before, journalist, tellSource(pitch, "shortlisted", null, properties.undoWindow()));
        }
        return moved;
    }

    void decline(UUID publicId, AccountView journalist, DeclineReason reason) {
        decline(access.decidable(publicId, journalist), journalist, reason);
    }

    /**
     * Declines a pitch read with its row locked; the source is told once, and only when given a reason. Returns whether
     * the status changed.
     */
    private boolean decline(Pitch pitch, AccountView journalist, DeclineReason reason) {
        Decided before = Decided.before(pitch);
        boolean moved = pitch.decline(reason, clock.instant());
        pitches.save(pitch);
        if (moved) {
            remember(pitch, before, journalist,
                    reason == null ? null : tellSource(pitch, "declined", reason, properties.undoWindow()));
        }
        return moved;
    }

    /**
     * Declines the chosen pitches of one of the journalist's queries (pitches marked as used stay used); returns the
     * ones declined now. Only the query's journalist may: anyone else, admins too, gets {@link PitchNotFoundException}.
     */
    List<UUID> declineAll(long queryId, AccountView journalist, Collection<UUID> publicIds, DeclineReason reason) {
        return access.chosen(queryId, journalist, publicIds).stream().filter(pitch -> !pitch.isUsed())
                .filter(pitch -> decline(pitch, journalist, reason)).map(Pitch::getPublicId).toList();
    }

    /** Shortlists the chosen pitches of one of the journalist's queries; returns the ones shortlisted now. */
    List<UUID> shortlistAll(long queryId, AccountView journalist, Collection<UUID> publicIds) {
        return access.chosen(queryId, journalist, publicIds).stream().filter(pitch -> !pitch.isUsed())
                .filter(pitch -> shortlist(pitch, journalist)).map(Pitch::getPublicId).toList();
    }

    /**
     * Declines a whole cluster of near-identical pitches to one of the journalist's queries, named by any of its
     * pitches (pitches marked as used stay used); returns the ones declined now.
     */
    List<UUID> declineCluster(long queryId, AccountView journalist, UUID member, DeclineReason reason) {
        List<UUID> cluster = jdbc.sql("""
                select p.public_id from pitch p
                where p.query_id = :query and p.cluster_id = (select c.cluster_id from pitch c
                                                              where c.public_id = :member and c.query_id = :query)""")
                .param("query", queryId).param("member", member).query(UUID.class).list();
        return declineAll(queryId, journalist, cluster, reason);
    }

    void markUsed(UUID publicId, AccountView journalist, String articleUrl) {
        Pitch pitch = access.decidable(publicId, journalist);
        boolean moved = pitch.markUsed(clean(articleUrl), clock.instant());
        pitches.save(pitch);
        if (moved) {
            tellSource(pitch, "used", null, java.time.Duration.ZERO);
        }
    }

    /**
     * Takes back the journalist's last shortlist or decline of these pitches of their query, where it is still within
     * the undo window and nothing has changed the pitch since: the pitch is as it was, and the source's mail about it,
     * still held by the outbox, is withdrawn. Returns the pitches restored.
     */
    List<UUID> undo(long queryId, AccountView journalist, Collection<UUID> publicIds) {
        List<UUID> restored = new java.util.ArrayList<>();
        for (Pitch pitch : access.chosen(queryId, journalist, publicIds)) {
            record Undo(PitchStatus previous, DeclineReason reason, Instant changedAt, Long mail, PitchStatus decided) {
            }
            Optional<Undo> undo = jdbc.sql("""
                    delete from pitch_undo where pitch_id = :pitch and journalist_id = :journalist and expires_at > :now
                    returning previous_status, previous_reason, previous_changed_at, mail_id, decided_status""")
                    .param("pitch", pitch.getId()).param("journalist", journalist.id())
                    .param("now", Timestamp.from(clock.instant()))
                    .query((rs, n) -> new Undo(PitchStatus.valueOf(rs.getString(1)),
                            DeclineReason.stored(rs.getString(2)),
                            rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant(),
                            (Long) rs.getObject(4), PitchStatus.valueOf(rs.getString(5))))
                    .optional();
            if (undo.isEmpty() || undo.get().decided() != pitch.getStatus()) {
                continue;
            }
            if (undo.get().mail() != null && !outbox.cancel(undo.get().mail())) {
                // The source has been told already: what they were told stands.
                continue;
            }
            pitch.restore(undo.get().previous(), undo.get().reason(), undo.get().changedAt(), clock.instant());
            pitches.save(pitch);
            jdbc.sql("""
                    delete from pitch_status_change where id = (select max(id) from pitch_status_change
                                                                where pitch_id = :pitch and status = :decided)""")
                    .param("pitch", pitch.getId()).param("decided", undo.get().decided().name()).update();
            restored.add(pitch.getPublicId());
        }
        return restored;
    }

    /** Forgets decisions that can no longer be taken back; returns how many. */
    int forgetExpiredUndos() {
        return jdbc.sql("delete from pitch_undo where expires_at <= :now")
                .param("now", Timestamp.from(clock.instant())).update();
    }

    /** What a pitch was before a decision, to take the decision back. */
    private record Decided(PitchStatus status, DeclineReason reason, Instant changedAt) {

        static Decided before(Pitch pitch) {
            return new Decided(pitch.getStatus(), pitch.getDeclineReason(), pitch.getStatusChangedAt());
        }
    }

    private void remember(Pitch pitch, Decided before, AccountView journalist, Long mail) {
        Instant now = clock.instant();
        jdbc.sql("""
                insert into pitch_undo (pitch_id, journalist_id, previous_status, previous_reason, previous_changed_at,
                                        mail_id, decided_status, expires_at)
                values (:pitch, :journalist, :status, :reason, :changedAt, :mail, :decided, :expires)
                on conflict (pitch_id) do update set journalist_id = excluded.journalist_id,
                    previous_status = excluded.previous_status, previous_reason = excluded.previous_reason,
                    previous_changed_at = excluded.previous_changed_at, mail_id = excluded.mail_id,
                    decided_status = excluded.decided_status, expires_at = excluded.expires_at""")
                .param("pitch", pitch.getId()).param("journalist", journalist.id())
                .param("status", before.status().name())
                .param("reason", before.reason() == null ? null : before.reason().name())
                .param("changedAt", before.changedAt() == null ? null : Timestamp.from(before.changedAt()))
                .param("mail", mail).param("decided", pitch.getStatus().name())
                .param("expires", Timestamp.from(now.plus(properties.undoWindow())))
                .update();
    }

    void report(UUID publicId, AccountView journalist, ReportReason reason, String note) {
        Pitch pitch = access.journalistPitch(publicId, journalist).orElseThrow(PitchNotFoundException::new);
        int added = jdbc.sql("""
                insert into pitch_report (pitch_id, reporter_id, reason, note, created_at)
                values (:pitch, :reporter, :reason, :note, :now) on conflict (pitch_id, reporter_id) do nothing""")
                .param("pitch", pitch.getId()).param("reporter", journalist.id()).param("reason", reason.name())
                .param("note", clean(note)).param("now", Timestamp.from(clock.instant())).update();
        if (added == 0) {
            throw new RuleException(null, "pitches.rule.already-reported");
        }
    }

    /**
     * Mails the source about a decision, held back for {@code hold} (the undo window, and a moment more, so a decision
     * taken back at the last second is never half-sent); returns the mail's id, or null when nobody is told.
     */
    private Long tellSource(Pitch pitch, String what, DeclineReason reason, java.time.Duration hold) {
        QueryView query = queries.find(pitch.getQueryId()).orElseThrow().forSource();
        return access.sourceAccount(pitch).map(source -> {
            Map<String, Object> model = new java.util.HashMap<>(Map.of("name", source.displayName(), "what", what,
                    "headline", query.headline(), "byline", messages.text(query.byline()),
                    "link", urls.link("/pitches/" + pitch.getPublicId())));
            if (reason != null) {
                model.put("reason", messages.text(reason.labelKey()));
            }
            return outbox.queue(new Email(source.email(), Email.subject(subjectKey(what), query.headline()),
                    "mail/pitch-status", model), hold.isZero() ? hold : hold.plusSeconds(5));
        }).orElse(null);
    }

    /** The subject of the mail about a decision: shortlisted, declined or used. */
    private static String subjectKey(String what) {
        return switch (what) {
            case "shortlisted" -> "mail.pitch-status.subject.shortlisted";
            case "declined" -> "mail.pitch-status.subject.declined";
            default -> "mail.pitch-status.subject.used";
        };
    }

    private static String clean(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
