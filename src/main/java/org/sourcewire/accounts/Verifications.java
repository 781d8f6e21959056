package org.sourcewire.accounts;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The verification record of every account: each check with what was checked, the result, when and by what or whom.
 * The latest check of a kind and subject decides (a website proof that later fails is no longer shown). Modules that
 * run checks (outlets, website ownership, admins' confirmations) record them here; pages show {@link #passed} as a
 * badge with its readable list ({@code fragments/verification.html}).
 */
@Service
public class Verifications {

    /**
     * One check as the other side may see it: no admin note, no private data.
     *
     * @param by "Sourcewire" for an automatic check, else the admin's display name
     */
    public record Check(VerificationKind kind, String subject, boolean passed, String detail, Instant at, String by) {

        /** What it establishes, as a key of messages.properties ({@code #{${check.labelKey()}}}). */
        public String labelKey() {
            return kind.labelKey();
        }
    }

    /** A check with the admin's note: for admins only. */
    public record Recorded(Check check, String note) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    Verifications(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records an automatic check (run by Sourcewire itself). */
    @Transactional
    public void record(long accountId, VerificationKind kind, String subject, boolean passed, String detail) {
        insert(accountId, kind, subject, passed, detail, null, null);
    }

    /** Records an admin's decision, with their note (seen by admins only). */
    @Transactional
    public void recordByAdmin(long accountId, VerificationKind kind, String subject, boolean passed, String detail,
            long adminId, String note) {
        insert(accountId, kind, subject, passed, detail, adminId, note);
    }

    private void insert(long accountId, VerificationKind kind, String subject, boolean passed, String detail,
            Long adminId, String note) {
        jdbc.sql("""
                insert into verification_check (account_id, kind, subject, passed, detail, checked_at, admin_id, note)
                values (:account, :kind, :subject, :passed, :detail, :at, :admin, :note)""")
                .param("account", accountId).param("kind", kind.name()).param("subject", subject)
                .param("passed", passed).param("detail", detail).param("at", Timestamp.from(clock.instant()))
                .param("admin", adminId).param("note", note).update();
    }

    /** The checks that stand for this account: the latest of each kind and subject, where it passed. */
    @Transactional(readOnly = true)
    public List<Check> passed(long accountId) {
        return passed(List.of(accountId)).getOrDefault(accountId, List.of());
    }

    /** The same for a page of accounts, in one statement. */
    @Transactional(readOnly = true)
    public Map<Long, List<Check>> passed(Collection<Long> accountIds) {
        Map<Long, List<Check>> byAccount = new LinkedHashMap<>();
        if (accountIds.isEmpty()) {
            return byAccount;
        }
        jdbc.sql("""
                select * from (
                    select distinct on (v.account_id, v.kind, v.subject) v.account_id, v.kind, v.subject, v.passed,
                           v.detail, v.checked_at, a.display_name as admin
                    from verification_check v left join account a on a.id = v.admin_id
                    where v.account_id = any(:ids)
                    order by v.account_id, v.kind, v.subject, v.checked_at desc, v.id desc) latest
                where passed order by account_id, checked_at, kind""")
                .param("ids", accountIds.toArray(Long[]::new))
                .query((rs, n) -> Map.entry(rs.getLong("account_id"), check(rs)))
                .list().forEach(entry -> byAccount.computeIfAbsent(entry.getKey(), id -> new java.util.ArrayList<>())
                        .add(entry.getValue()));
        return byAccount;
    }

    /** Every check of an account, newest first, with the admins' notes: for admins. */
    @Transactional(readOnly = true)
    public List<Recorded> history(long accountId) {
        return jdbc.sql("""
                select v.kind, v.subject, v.passed, v.detail, v.checked_at, a.display_name as admin, v.note
                from verification_check v left join account a on a.id = v.admin_id
                where v.account_id = :account order by v.checked_at desc, v.id desc limit 200""")
                .param("account", accountId)
                .query((rs, n) -> new Recorded(check(rs), rs.getString("note"))).list();
    }

    private static Check check(java.sql.ResultSet rs) throws java.sql.SQLException {
        String admin = rs.getString("admin");
        return new Check(VerificationKind.valueOf(rs.getString("kind")), rs.getString("subject"), rs.getBoolean("passed"),
                rs.getString("detail"), rs.getTimestamp("checked_at").toInstant(), admin == null ? "Sourcewire" : admin);
    }
}
