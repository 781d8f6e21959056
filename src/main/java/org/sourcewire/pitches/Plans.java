package org.sourcewire.pitches;

import java.util.List;
import java.util.Map;

import org.sourcewire.accounts.AccountManagement;
import org.sourcewire.accounts.AccountView;
import org.sourcewire.accounts.Role;
import org.sourcewire.audit.Actor;
import org.sourcewire.audit.AuditLog;
import org.sourcewire.shared.Messages;
import org.sourcewire.shared.RuleException;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Which plan each source is on (every source without a row is on Free), as admins assign them. */
@Service
class Plans {

    private final JdbcClient jdbc;
    private final AccountManagement accounts;
    private final AuditLog audit;
    private final PitchesProperties properties;
    private final Messages messages;

    Plans(JdbcClient jdbc, AccountManagement accounts, AuditLog audit, PitchesProperties properties,
            Messages messages) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.audit = audit;
        this.properties = properties;
        this.messages = messages;
    }

    record Holder(long accountId, String name, String email, Plan plan) {
    }

    record Offer(Plan plan, int perDay, int perMonth, int profiles, int seats) {
    }

    List<Offer> offers() {
        return java.util.Arrays.stream(Plan.values()).map(plan -> {
            PitchesProperties.Quota quota = properties.quota(plan);
            return new Offer(plan, quota.perDay(), quota.perMonth(), quota.profiles(), quota.seats());
        }).toList();
    }

    /** Sources on a paid plan, newest account first. */
    Page<Holder> holders(Pageable pageable) {
        long total = jdbc.sql("select count(*) from source_plan where plan <> 'FREE'").query(Long.class).single();
        List<Holder> rows = jdbc.sql("""
                select a.id, a.display_name, a.email, p.plan
                from source_plan p join account a on a.id = p.account_id
                where p.plan <> 'FREE'
                order by a.id desc limit :limit offset :offset""")
                .param("limit", pageable.getPageSize()).param("offset", pageable.getOffset())
                .query((rs, n) -> new Holder(rs.getLong(1), rs.getString(2), rs.getString(3), Plan.valueOf(rs.getString(4))))
                .list();
        return new PageImpl<>(rows, pageable, total);
    }

    /**
     * Puts the source with this e-mail address on the plan.
     *
     * @throws RuleException when no source has that address
     */
    @Transactional
    AccountView assign(String email, Plan plan, Actor admin) {
        AccountView source = accounts.findByEmail(email.strip())
                .filter(account -> account.role() == Role.SOURCE)
                .orElseThrow(() -> new RuleException("email", "pitches.rule.unknown-source"));
        Plan before = jdbc.sql("select plan from source_plan where account_id = :id").param("id", source.id())
                .query(String.class).optional().map(Plan::valueOf).orElse(Plan.FREE);
        jdbc.sql("""
                insert into source_plan (account_id, plan) values (:id, :plan)
                on conflict (account_id) do update set plan = excluded.plan""")
                .param("id", source.id()).param("plan", plan.name()).update();
        audit.record(admin, "plan.assigned", "account " + source.id(),
                "Put " + source.email() + " on the " + messages.text(plan.labelKey()) + " plan",
                Map.of("plan", before.name()),
                Map.of("plan", plan.name()));
        return source;
    }
}
