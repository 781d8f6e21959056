package org.sourcewire.pitches;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import org.sourcewire.accounts.AccountView;
import org.sourcewire.shared.RuleException;
import org.sourcewire.sources.ProfileView;
import org.sourcewire.sources.SourceManagement;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Pitch templates: a source's saved snippets (a bio, credentials, a standard disclosure) that the pitch form inserts
 * into an answer with one click. Screening is not told about them: text sent again and again still counts as a
 * template, so snippets serve consistency, not mass pitching.
 */
@Service
@Transactional
class PitchSnippets {

    static final int MAX_LABEL = 60;
    static final int MAX_BODY = 1500;

    private final JdbcClient jdbc;
    private final SourceManagement sources;
    private final PitchesProperties properties;
    private final Clock clock;

    PitchSnippets(JdbcClient jdbc, SourceManagement sources, PitchesProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.sources = sources;
        this.properties = properties;
        this.clock = clock;
    }

    /** The source's snippets, oldest first (the order they chose by saving them). */
    @Transactional(readOnly = true)
    List<PitchViews.Snippet> of(AccountView source) {
        return sources.findByAccount(source.id()).map(profile -> jdbc.sql(
                "select id, label, body from pitch_snippet where source_id = :source order by id")
                .param("source", profile.id())
                .query((rs, n) -> new PitchViews.Snippet(rs.getLong(1), rs.getString(2), rs.getString(3))).list())
                .orElse(List.of());
    }

    void add(AccountView source, String label, String body) {
        ProfileView profile = sources.ensureProfile(source);
        check(label, body);
        // Two saves of one source at once wait in line, so the limit holds.
        jdbc.sql("select pg_advisory_xact_lock(7303, cast(:source as int))").param("source", profile.id())
                .query(Object.class).list();
        long kept = jdbc.sql("select count(*) from pitch_snippet where source_id = :source").param("source", profile.id())
                .query(Long.class).single();
        if (kept >= properties.maxSnippets()) {
            throw new RuleException(null, "pitches.rule.snippet-limit", kept);
        }
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                insert into pitch_snippet (source_id, label, body, created_at, updated_at)
                values (:source, :label, :body, :now, :now)""")
                .param("source", profile.id()).param("label", oneLine(label)).param("body", body.strip())
                .param("now", now).update();
    }

    /** Changes the source's own snippet; anyone else's (or none) is a 404. */
    void change(AccountView source, long id, String label, String body) {
        long profile = own(source, id);
        check(label, body);
        jdbc.sql("update pitch_snippet set label = :label, body = :body, updated_at = :now where id = :id and source_id = :source")
                .param("label", oneLine(label)).param("body", body.strip())
                .param("now", Timestamp.from(clock.instant())).param("id", id).param("source", profile).update();
    }

    void delete(AccountView source, long id) {
        long profile = own(source, id);
        jdbc.sql("delete from pitch_snippet where id = :id and source_id = :source").param("id", id)
                .param("source", profile).update();
    }

    private long own(AccountView source, long id) {
        ProfileView profile = sources.findByAccount(source.id()).orElseThrow(PitchNotFoundException::new);
        boolean owned = jdbc.sql("select exists (select 1 from pitch_snippet where id = :id and source_id = :source)")
                .param("id", id).param("source", profile.id()).query(Boolean.class).single();
        if (!owned) {
            throw new PitchNotFoundException();
        }
        return profile.id();
    }

    private static void check(String label, String body) {
        if (label == null || label.isBlank()) {
            throw new RuleException("label", "pitches.rule.snippet-label-missing");
        }
        if (oneLine(label).length() > MAX_LABEL) {
            throw new RuleException("label", "pitches.rule.snippet-label-too-long");
        }
        if (body == null || body.isBlank()) {
            throw new RuleException("body", "pitches.rule.snippet-body-missing");
        }
        if (body.strip().length() > MAX_BODY) {
            throw new RuleException("body", "pitches.rule.snippet-body-too-long");
        }
    }

    private static String oneLine(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }
}
