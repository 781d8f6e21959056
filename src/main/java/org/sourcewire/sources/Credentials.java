package org.sourcewire.sources;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.sourcewire.accounts.AccountView;
import org.sourcewire.accounts.VerificationKind;
import org.sourcewire.accounts.Verifications;
import org.sourcewire.audit.Actor;
import org.sourcewire.audit.AuditLog;
import org.sourcewire.shared.RuleException;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Credentials an expert states (a licence or registration number, a link to the public registry) and the admins'
 * decisions on them: confirmed or not, with a note, recorded as a CREDENTIAL_CONFIRMED check and in the audit log.
 * A changed credential goes back to the admins, and a confirmation of the old one no longer stands.
 */
@Service
@Transactional
class Credentials {

    /** The credential as the expert stated it; {@code decidedAt} is null while it waits for an admin. */
    record Stated(String licence, String registryUrl, Instant statedAt, Instant decidedAt) {

        public String subject() {
            return Credentials.subject(licence, registryUrl);
        }

        public boolean waiting() {
            return decidedAt == null;
        }
    }

    /** A credential in the admins' queue, with whose it is. */
    record Waiting(long profileId, String name, String handle, String headline, String website, String licence,
            String registryUrl, Instant statedAt) {
    }

    private final JdbcClient jdbc;
    private final Verifications verifications;
    private final AuditLog audit;
    private final Clock clock;

    Credentials(JdbcClient jdbc, Verifications verifications, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.verifications = verifications;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    Optional<Stated> stated(long profileId) {
        return jdbc.sql("select licence, registry_url, stated_at, decided_at from expert_credential where profile_id = :id")
                .param("id", profileId).query((rs, n) -> new Stated(rs.getString(1), rs.getString(2),
                        rs.getTimestamp(3).toInstant(), rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant()))
                .optional();
    }

    /**
     * Saves what the expert states; both blank withdraws it. Unchanged, nothing happens (a decision stands);
     * changed, it waits for an admin again and a confirmation of the old credential is superseded.
     */
    void state(ProfileView profile, String licence, String registryUrl) {
        Optional<Stated> before = stated(profile.id());
        if (before.isPresent() && Objects.equals(before.get().licence(), licence)
                && Objects.equals(before.get().registryUrl(), registryUrl)) {
            return;
        }
        before.filter(old -> profile.confirmedCredentials().stream().anyMatch(c -> c.subject().equals(old.subject())))
                .ifPresent(old -> verifications.record(profile.accountId(), VerificationKind.CREDENTIAL_CONFIRMED,
                        old.subject(), false, "Superseded: the expert changed the credential"));
        if (licence == null && registryUrl == null) {
            jdbc.sql("delete from expert_credential where profile_id = :id").param("id", profile.id()).update();
            return;
        }
        jdbc.sql("""
                insert into expert_credential (profile_id, licence, registry_url, stated_at) values (:id, :licence, :url, :now)
                on conflict (profile_id) do update set licence = excluded.licence, registry_url = excluded.registry_url,
                    stated_at = excluded.stated_at, decided_at = null""")
                .param("id", profile.id()).param("licence", licence).param("url", registryUrl)
                .param("now", Timestamp.from(clock.instant())).update();
    }

    /** The credentials waiting for an admin, the longest-waiting first. */
    @Transactional(readOnly = true)
    Page<Waiting> waiting(Pageable page) {
        List<Waiting> rows = jdbc.sql("""
                select p.id, p.name, p.handle, p.title, p.company, p.website, c.licence, c.registry_url, c.stated_at
                from expert_credential c join source_profile p on p.id = c.profile_id
                where c.decided_at is null order by c.stated_at, c.profile_id limit :limit offset :offset""")
                .param("limit", page.getPageSize()).param("offset", page.getOffset())
                .query((rs, n) -> new Waiting(rs.getLong(1), rs.getString(2), rs.getString(3),
                        headline(rs.getString(4), rs.getString(5)), rs.getString(6), rs.getString(7), rs.getString(8),
                        rs.getTimestamp(9).toInstant())).list();
        long total = jdbc.sql("select count(*) from expert_credential where decided_at is null").query(Long.class).single();
        return new PageImpl<>(rows, page, total);
    }

    /**
     * An admin's decision on a waiting credential, with a note (seen by admins only). Refused when it is no longer
     * waiting (decided meanwhile, or changed: then the admin looks again).
     */
    void decide(long profileId, String statedAt, boolean confirm, String note, AccountView admin) {
        record Row(long accountId, String handle, String licence, String registryUrl, Instant statedAt) {
        }
        Row row = jdbc.sql("""
                select p.account_id, p.handle, c.licence, c.registry_url, c.stated_at
                from expert_credential c join source_profile p on p.id = c.profile_id
                where c.profile_id = :id and c.decided_at is null for update of c""")
                .param("id", profileId).query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getTimestamp(5).toInstant())).optional()
                .orElseThrow(() -> new RuleException("decision", "sources.rule.credential-not-waiting"));
        if (statedAt != null && !statedAt.equals(row.statedAt().toString())) {
            throw new RuleException("decision", "sources.rule.credential-changed");
        }
        String subject = subject(row.licence(), row.registryUrl());
        verifications.recordByAdmin(row.accountId(), VerificationKind.CREDENTIAL_CONFIRMED, subject, confirm,
                row.registryUrl(), admin.id(), note);
        jdbc.sql("update expert_credential set decided_at = :now where profile_id = :id")
                .param("now", Timestamp.from(clock.instant())).param("id", profileId).update();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("credential", subject);
        after.put("registry", row.registryUrl());
        after.put("confirmed", confirm);
        after.put("note", note);
        audit.record(new Actor(admin.id(), admin.email()), confirm ? "credential.confirm" : "credential.reject",
                "expert " + row.handle(), (confirm ? "Confirmed" : "Did not confirm") + " the credential \"" + subject + "\"",
                null, after);
    }

    static String subject(String licence, String registryUrl) {
        return licence != null ? licence : registryUrl;
    }

    private static String headline(String title, String company) {
        return title != null && company != null ? title + ", " + company : (title != null ? title : company);
    }
}
