package org.sourcewire.outlets;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.sourcewire.accounts.AccountManagement;
import org.sourcewire.accounts.AccountView;
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
 * Outlets journalists propose because the registry lacks them: the admins' queue, oldest first. Accepting creates
 * the outlet with its domain confirmed (which verifies the journalists at it); rejecting needs a reason.
 */
@Service
@Transactional
class OutletProposals {

    private final JdbcClient jdbc;
    private final OutletRegistry registry;
    private final AccountManagement accounts;
    private final AuditLog audit;
    private final Clock clock;

    OutletProposals(JdbcClient jdbc, OutletRegistry registry, AccountManagement accounts, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.registry = registry;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    /** A journalist's proposal; a second one while the first waits is refused (field "name"). */
    public long propose(AccountView journalist, String name, String website, OutletType type) {
        if (!journalist.isJournalist()) {
            throw new RuleException(null, "outlets.rule.journalists-only");
        }
        String domain = OutletRegistry.domainOf(website).orElseThrow(() -> new RuleException("website",
                "outlets.rule.proposal-not-a-domain"));
        registry.outletAt(domain).ifPresent(owner -> {
            throw new RuleException("website", "outlets.rule.proposal-registered", domain, owner);
        });
        // The journalist's proposals are made one at a time, so a double click finds the first.
        jdbc.sql("select pg_advisory_xact_lock(7319, hashtext(cast(:account as text)))").param("account", journalist.id())
                .query(Object.class).list();
        if (latest(journalist.id()).filter(p -> p.state() == OutletProposal.State.PENDING).isPresent()) {
            throw new RuleException("name", "outlets.rule.proposal-waiting");
        }
        return jdbc.sql("""
                insert into outlet_proposal (account_id, name, website, domain, type, created_at)
                values (:account, :name, :website, :domain, :type, :now) returning id""")
                .param("account", journalist.id()).param("name", name.strip()).param("website", website.strip())
                .param("domain", domain).param("type", type.name()).param("now", Timestamp.from(clock.instant()))
                .query(Long.class).single();
    }

    @Transactional(readOnly = true)
    public Optional<OutletProposal> latest(long accountId) {
        return rows("where account_id = :account order by created_at desc, id desc limit 1", Map.of("account", accountId))
                .stream().findFirst();
    }

    @Transactional(readOnly = true)
    public Optional<OutletProposal> findPending(long id) {
        return rows("where id = :id and state = 'PENDING'", Map.of("id", id)).stream().findFirst();
    }

    @Transactional(readOnly = true)
    public Page<OutletProposal> pending(Pageable page) {
        List<OutletProposal> found = rows("where state = 'PENDING' order by created_at, id limit :limit offset :offset",
                Map.of("limit", page.getPageSize(), "offset", page.getOffset()));
        long total = jdbc.sql("select count(*) from outlet_proposal where state = 'PENDING'").query(Long.class).single();
        return new PageImpl<>(found, page, total);
    }

    /** Creates the outlet with its domain confirmed. The new outlet's id. */
    public long accept(long id, Actor admin) {
        OutletProposal proposal = pendingForUpdate(id);
        long outletId = registry.add(proposal.name(), proposal.type(), proposal.domain(), true, admin);
        jdbc.sql("""
                update outlet_proposal set state = 'ACCEPTED', outlet_id = :outlet, decided_at = :now, decided_by = :admin
                where id = :id""")
                .param("outlet", outletId).param("now", Timestamp.from(clock.instant())).param("admin", admin.id())
                .param("id", id).update();
        audit.record(admin, "outlet.proposal-accepted", "outlet proposal " + id, "Accepted " + proposal.name()
                + " (" + proposal.domain() + "), proposed by " + proposal.journalistEmail(),
                Map.of("state", "PENDING"), Map.of("state", "ACCEPTED", "outlet", outletId));
        return outletId;
    }

    public void reject(long id, String reason, Actor admin) {
        OutletProposal proposal = pendingForUpdate(id);
        jdbc.sql("""
                update outlet_proposal set state = 'REJECTED', reason = :reason, decided_at = :now, decided_by = :admin
                where id = :id""")
                .param("reason", reason.strip()).param("now", Timestamp.from(clock.instant()))
                .param("admin", admin.id()).param("id", id).update();
        audit.record(admin, "outlet.proposal-rejected", "outlet proposal " + id, "Rejected " + proposal.name()
                + " (" + proposal.domain() + "): " + reason.strip(),
                Map.of("state", "PENDING"), Map.of("state", "REJECTED", "reason", reason.strip()));
    }

    private OutletProposal pendingForUpdate(long id) {
        return rows("where id = :id and state = 'PENDING' for update", Map.of("id", id)).stream().findFirst()
                .orElseThrow(() -> new RuleException(null, "outlets.rule.proposal-decided"));
    }

    private List<OutletProposal> rows(String where, Map<String, ?> params) {
        record Row(long id, long accountId, String name, String website, String domain, OutletType type,
                OutletProposal.State state, String reason, java.time.Instant createdAt) {
        }
        List<Row> rows = jdbc.sql("""
                select id, account_id, name, website, domain, type, state, reason, created_at from outlet_proposal
                """ + where).params(params)
                .query((ResultSet rs, int n) -> new Row(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), OutletType.valueOf(rs.getString(6)), OutletProposal.State.valueOf(rs.getString(7)),
                        rs.getString(8), rs.getTimestamp(9).toInstant()))
                .list();
        // The proposers, for the whole page in one statement.
        Map<Long, AccountView> journalists = accounts.findAll(rows.stream().map(Row::accountId).distinct().toList());
        return rows.stream().map(row -> {
            AccountView journalist = journalists.get(row.accountId());
            return new OutletProposal(row.id(), row.accountId(), journalist == null ? null : journalist.displayName(),
                    journalist == null ? null : journalist.email(), row.name(), row.website(), row.domain(), row.type(),
                    row.state(), row.reason(), row.createdAt());
        }).toList();
    }

}
