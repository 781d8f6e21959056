package org.sourcewire.placements;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.sourcewire.accounts.AccountManagement;
import org.sourcewire.accounts.AccountView;
import org.sourcewire.mail.Email;
import org.sourcewire.mail.Outbox;
import org.sourcewire.pitches.PitchManagement;
import org.sourcewire.pitches.PitchStatus;
import org.sourcewire.pitches.PitchViews;
import org.sourcewire.placements.ArticleReading.LinkKind;
import org.sourcewire.shared.RuleException;
import org.sourcewire.shared.SiteUrls;
import org.sourcewire.shared.WebAddress;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recording a used pitch's article (by its journalist; or proposed by its source and confirmed by the journalist),
 * and reading it back for either side. {@link PlacementChecks} reads the article itself.
 */
@Service
class Placements {

    /** A request the asker may not make, or a proposal that cannot be taken; its message key says why. */
    static class PlacementRefused extends RuleException {

        PlacementRefused(String code) {
            super(null, code);
        }
    }

    private final PitchManagement pitches;
    private final AccountManagement accounts;
    private final Outbox outbox;
    private final SiteUrls urls;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    Placements(PitchManagement pitches, AccountManagement accounts, Outbox outbox, SiteUrls urls, JdbcClient jdbc,
            JsonMapper json, Clock clock) {
        this.pitches = pitches;
        this.accounts = accounts;
        this.outbox = outbox;
        this.urls = urls;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /**
     * The journalist recorded the article of a used pitch: the placement is confirmed and due to be read at once. A
     * new address replaces an earlier one (and its readings start again); the same address again changes nothing.
     * Returns the placement's id.
     */
    @Transactional
    long record(long pitchId, String articleUrl, Instant at) {
        Timestamp now = Timestamp.from(at);
        jdbc.sql("""
                insert into placement (pitch_id, article_url, state, proposed_by, created_at, confirmed_at, next_check_at)
                values (:pitch, :url, 'CONFIRMED', 'JOURNALIST', :now, :now, :now)
                on conflict (pitch_id) do update set
                    proposed_by = case when placement.article_url = excluded.article_url then placement.proposed_by
                                       else 'JOURNALIST' end,
                    article_url = excluded.article_url, state = 'CONFIRMED', confirmed_at = excluded.confirmed_at,
                    created_at = case when placement.article_url = excluded.article_url then placement.created_at
                                      else excluded.created_at end,
                    checked_at = null, link_kind = null, mentioned = null, quoted = null, title = null,
                    canonical_url = null, published_at = null, round = 0, failures = 0,
                    next_check_at = excluded.next_check_at, claimed_until = null
                where placement.state = 'PROPOSED' or placement.article_url <> excluded.article_url""")
                .param("pitch", pitchId).param("url", articleUrl).param("now", now).update();
        return jdbc.sql("select id from placement where pitch_id = :pitch").param("pitch", pitchId).query(Long.class).single();
    }

    /**
     * The source proposes the address of the article their used pitch went into; the journalist confirms it (by
     * recording it) or turns it down.
     */
    @Transactional
    void propose(UUID publicId, AccountView source, String articleUrl) {
        PitchViews.Detail pitch = readable(publicId, source);
        if (!source.isSource() || pitch.status() != PitchStatus.USED) {
            throw new PlacementRefused("placements.rule.pitch-not-used");
        }
        String url = articleUrl == null ? "" : articleUrl.strip();
        if (!WebAddress.Validator.isWebAddress(url) || url.length() > 2000) {
            throw new PlacementRefused("placements.rule.address-invalid");
        }
        Optional<Boolean> inserted = jdbc.sql("""
                insert into placement (pitch_id, article_url, state, proposed_by, created_at)
                values (:pitch, :url, 'PROPOSED', 'SOURCE', :now)
                on conflict (pitch_id) do update set article_url = excluded.article_url, created_at = excluded.created_at
                where placement.state = 'PROPOSED'
                returning (xmax = 0)""")
                .param("pitch", pitch.id()).param("url", url).param("now", Timestamp.from(clock.instant()))
                .query(Boolean.class).optional();
        if (inserted.isEmpty()) {
            throw new PlacementRefused("placements.rule.already-recorded");
        }
        if (inserted.get()) {
            // Once per proposal: a changed address does not mail the journalist again. (The source's copy of the
            // query does not name its journalist; the whole pitch does.)
            pitches.find(pitch.id()).map(whole -> whole.query().journalistId()).flatMap(accounts::find).ifPresent(journalist -> outbox.queue(new Email(journalist.email(),
                    Email.subject("mail.placement-proposed.subject", pitch.query().headline()), "mail/placement-proposed",
                    Map.of("name", journalist.displayName(), "source", pitch.source().name(),
                            "headline", pitch.query().headline(), "articleUrl", url,
                            "link", urls.link("/pitches/" + pitch.publicId())))));
        }
    }

    /** The journalist turns down the source's proposed article: it goes, and the source may propose another. */
    @Transactional
    void reject(UUID publicId, AccountView journalist) {
        PitchViews.Detail pitch = readable(publicId, journalist);
        if (!isJournalistOf(pitch, journalist)) {
            throw new PlacementRefused("placements.rule.not-the-journalist");
        }
        jdbc.sql("delete from placement where pitch_id = :pitch and state = 'PROPOSED'").param("pitch", pitch.id()).update();
    }

    /** The pitch, if this reader may read it at all. */
    PitchViews.Detail readable(UUID publicId, AccountView reader) {
        return pitches.read(publicId, reader).orElseThrow(() -> new NotFound());
    }

    static boolean isJournalistOf(PitchViews.Detail pitch, AccountView reader) {
        return reader.isJournalist() && pitch.query().journalistId() != null
                && pitch.query().journalistId() == reader.id();
    }

    /** The pitch's placement as it stands, with its history, or empty when none is recorded or proposed. */
    @Transactional(readOnly = true)
    Optional<PlacementView> view(PitchViews.Detail pitch) {
        record Row(long id, PlacementView view) {
        }
        Optional<Row> row = jdbc.sql("""
                select id, article_url, state, proposed_by, created_at, checked_at, link_kind, mentioned, quoted, title,
                       canonical_url, published_at, next_check_at
                from placement where pitch_id = :pitch""")
                .param("pitch", pitch.id())
                .query((rs, n) -> new Row(rs.getLong("id"), new PlacementView(pitch.publicId(), rs.getString("article_url"),
                        "CONFIRMED".equals(rs.getString("state")), "SOURCE".equals(rs.getString("proposed_by")),
                        instant(rs, "created_at"), instant(rs, "checked_at"), kind(rs.getString("link_kind")),
                        (Boolean) rs.getObject("mentioned"), (Boolean) rs.getObject("quoted"), rs.getString("title"),
                        rs.getString("canonical_url"), instant(rs, "published_at"), instant(rs, "next_check_at"),
                        pitch.query().linkPolicy(), hasWebsite(pitch), List.of())))
                .optional();
        return row.map(found -> {
            List<PlacementView.Check> history = jdbc.sql("""
                    select checked_at, round, error, final_url, link_kind, links::text, mentioned, quoted
                    from placement_check where placement_id = :id order by checked_at desc, id desc limit 100""")
                    .param("id", found.id())
                    .query((rs, n) -> new PlacementView.Check(instant(rs, "checked_at"), rs.getInt("round"),
                            rs.getString("error"), rs.getString("final_url"), kind(rs.getString("link_kind")),
                            links(rs.getString("links")), (Boolean) rs.getObject("mentioned"),
                            (Boolean) rs.getObject("quoted")))
                    .list();
            PlacementView v = found.view();
            return new PlacementView(v.pitchId(), v.articleUrl(), v.confirmed(), v.proposedBySource(), v.createdAt(),
                    v.checkedAt(), v.linkKind(), v.mentioned(), v.quoted(), v.title(), v.canonicalUrl(), v.publishedAt(),
                    v.nextCheckAt(), v.promised(), v.siteKnown(), history);
        });
    }

    private static boolean hasWebsite(PitchViews.Detail pitch) {
        return pitch.source().website() != null && !pitch.source().website().isBlank();
    }

    private List<PlacementView.FoundLink> links(String text) {
        return text == null ? List.of() : json.readValue(text, new TypeReference<List<PlacementView.FoundLink>>() {
        });
    }

    static LinkKind kind(String value) {
        return value == null ? null : LinkKind.valueOf(value);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }

    /** No such pitch for this reader: a 404, never a hint that it exists. */
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NOT_FOUND)
    static class NotFound extends RuntimeException {
    }
}
