package org.sourcewire.pitches;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;

import org.sourcewire.accounts.AccountManagement;
import org.sourcewire.accounts.AccountView;
import org.sourcewire.queries.QueryManagement;
import org.sourcewire.queries.QueryView;
import org.sourcewire.shared.Messages;
import org.sourcewire.sources.ProfileView;
import org.sourcewire.sources.SourceManagement;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who may see or decide a pitch (its source, its query's journalist, an admin to read), and a stored pitch as they
 * read it. Only {@link #read} and {@link #ownQuery}, which controllers call, have transactions of their own; the rest
 * runs in its caller's.
 */
@Component
class PitchAccess {

    private final Pitches pitches;
    private final QueryManagement queries;
    private final SourceManagement sources;
    private final AccountManagement accounts;
    private final JdbcClient jdbc;
    private final JsonMapper json;

    private final java.time.Clock clock;
    private final Messages messages;

    PitchAccess(Pitches pitches, QueryManagement queries, SourceManagement sources, AccountManagement accounts,
            JdbcClient jdbc, JsonMapper json, java.time.Clock clock, Messages messages) {
        this.clock = clock;
        this.pitches = pitches;
        this.queries = queries;
        this.sources = sources;
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.json = json;
        this.messages = messages;
    }

    /** The pitch for its source, its query's journalist, or an admin; empty for anyone else. */
    @Transactional(readOnly = true)
    Optional<PitchViews.Detail> read(UUID publicId, AccountView reader) {
        Optional<Pitch> found = pitches.findByPublicId(publicId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Pitch pitch = found.get();
        QueryView query = queries.find(pitch.getQueryId()).orElseThrow();
        if (reader.isAdmin() || isJournalistOf(query, reader)) {
            return Optional.of(detail(pitch, query));
        }
        if (reader.isSource() && isSourceOf(pitch, reader)) {
            // A decision the journalist can still take back has not reached the source: they see the pitch as before.
            PitchViews.Detail detail = detail(pitch, query.forSource());
            return Optional.of(jdbc.sql("""
                    select previous_status, previous_reason from pitch_undo
                    where pitch_id = :pitch and expires_at > :now and decided_status = :status""")
                    .param("pitch", pitch.getId()).param("now", java.sql.Timestamp.from(clock.instant()))
                    .param("status", pitch.getStatus().name())
                    .query((rs, n) -> detail.before(PitchStatus.valueOf(rs.getString(1)),
                            DeclineReason.stored(rs.getString(2))))
                    .optional().orElse(detail));
        }
        return Optional.empty();
    }

    /** A query whose inbox the reader may read: their own, or any for an admin. Decisions stay with its journalist. */
    @Transactional
    QueryView ownQuery(long queryId, AccountView journalist) {
        QueryView query = queries.find(queryId).orElseThrow(PitchNotFoundException::new);
        if (!isJournalistOf(query, journalist) && !journalist.isAdmin()) {
            throw new PitchNotFoundException();
        }
        return query;
    }

    PitchViews.Detail detail(Pitch pitch, QueryView query) {
        ProfileView source = sources.findAll(List.of(pitch.getSourceId())).get(pitch.getSourceId());
        List<String> answers = pitch.getAnswers();
        List<PitchViews.Answer> pairs = IntStream.range(0, query.questions().size())
                .mapToObj(i -> new PitchViews.Answer(query.questions().get(i), i < answers.size() ? answers.get(i) : ""))
                .toList();
        String journalistLabel = query.anonymous() && query.journalistName() == null ? messages.text(query.byline())
                : query.journalistName();
        List<PitchViews.Message> messages = jdbc.sql("""
                select from_source, body, created_at from pitch_message where pitch_id = :pitch order by created_at, id""")
                .param("pitch", pitch.getId())
                .query((rs, n) -> new PitchViews.Message(rs.getBoolean(1), rs.getBoolean(1) ? source.name() : journalistLabel,
                        rs.getString(2), rs.getTimestamp(3).toInstant())).list();
        return jdbc.sql("""
                select why_me, word_count, submitted_at, viewed_at, decline_reason, article_url, score, flagged, reasons::text
                from pitch where id = :id""")
                .param("id", pitch.getId())
                .query((rs, n) -> new PitchViews.Detail(pitch.getId(), pitch.getPublicId(), pitch.getStatus(), query, source,
                        pairs, rs.getString(1), rs.getInt(2), rs.getTimestamp(3).toInstant(),
                        rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant(),
                        DeclineReason.stored(rs.getString(5)), rs.getString(6),
                        messages, (Integer) rs.getObject(7), rs.getBoolean(8), reasons(rs.getString(9)))).single();
    }

    /** The source's own pitch, its row locked for a change. */
    Pitch ownPitch(UUID publicId, AccountView source) {
        Pitch pitch = pitches.findForUpdate(publicId).orElseThrow(PitchNotFoundException::new);
        if (!source.isSource() || !isSourceOf(pitch, source)) {
            throw new PitchNotFoundException();
        }
        return pitch;
    }

    Optional<Pitch> journalistPitch(UUID publicId, AccountView journalist) {
        return pitches.findByPublicId(publicId).filter(pitch -> isJournalistOf(pitch, journalist));
    }

    /** A pitch for its query's journalist to decide on, its row locked until the decision is stored. */
    Pitch decidable(UUID publicId, AccountView journalist) {
        return pitches.findForUpdate(publicId).filter(pitch -> isJournalistOf(pitch, journalist))
                .orElseThrow(PitchNotFoundException::new);
    }

    /** The chosen pitches of the journalist's own query, their rows locked in id order. */
    List<Pitch> chosen(long queryId, AccountView journalist, Collection<UUID> publicIds) {
        QueryView query = queries.find(queryId).orElseThrow(PitchNotFoundException::new);
        if (!isJournalistOf(query, journalist)) {
            throw new PitchNotFoundException();
        }
        return publicIds.isEmpty() ? List.of() : pitches.findForUpdate(queryId, publicIds);
    }

    Optional<AccountView> sourceAccount(Pitch pitch) {
        ProfileView profile = sources.findAll(List.of(pitch.getSourceId())).get(pitch.getSourceId());
        return profile == null ? Optional.empty() : accounts.find(profile.accountId());
    }

    private boolean isJournalistOf(Pitch pitch, AccountView journalist) {
        return queries.find(pitch.getQueryId()).map(query -> isJournalistOf(query, journalist)).orElse(false);
    }

    boolean isSourceOf(Pitch pitch, AccountView source) {
        return sources.findByAccount(source.id()).map(profile -> profile.id() == pitch.getSourceId()).orElse(false);
    }

    static boolean isJournalistOf(QueryView query, AccountView account) {
        return account.isJournalist() && query.journalistId() != null && query.journalistId() == account.id();
    }

    /** Screening's reasons, as stored in the pitch's jsonb column. */
    List<PitchScreening.Reason> reasons(String stored) {
        if (stored == null || stored.isBlank()) {
            return List.of();
        }
        return List.of(json.readValue(stored, PitchScreening.Reason[].class));
    }

    /** The signals screening scored from, as stored in the pitch's jsonb column. */
    java.util.Map<String, Double> signals(String stored) {
        if (stored == null || stored.isBlank()) {
            return java.util.Map.of();
        }
        java.util.Map<String, Double> signals = new java.util.LinkedHashMap<>();
        json.readTree(stored).properties().forEach(entry -> signals.put(entry.getKey(), entry.getValue().asDouble()));
        return signals;
    }
}
