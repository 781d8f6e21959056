package org.sourcewire.teams;

import java.sql.Timestamp;
import java.time.Clock;

import org.sourcewire.accounts.AccountManagement;
import org.sourcewire.accounts.AccountView;
import org.sourcewire.shared.DemoData;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A demo agency: Jane Roe's "Acme PR" manages Priya's and James's profiles, so the teams page, writing for an expert
 * and the journalist's "written by … for …" can be tried at once. Written as the rows an accepted invitation leaves
 * (a demo has no mailbox to accept one from); Priya approves each pitch first, James does not.
 */
@Component
@Order(30)
class DemoTeams implements ApplicationRunner {

    private final DemoData demoData;
    private final AccountManagement accounts;
    private final JdbcClient jdbc;
    private final Clock clock;

    DemoTeams(DemoData demoData, AccountManagement accounts, JdbcClient jdbc, Clock clock) {
        this.demoData = demoData;
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!demoData.enabled()) {
            return;
        }
        AccountView jane = accounts.findByEmail("jane@acme-pr.example").orElse(null);
        if (jane == null || jdbc.sql("select count(*) from team where owner_id = :id").param("id", jane.id())
                .query(Long.class).single() > 0) {
            return;
        }
        Timestamp now = Timestamp.from(clock.instant());
        long team = jdbc.sql("insert into team (name, owner_id, created_at) values ('Acme PR', :owner, :now) returning id")
                .param("owner", jane.id()).param("now", now).query(Long.class).single();
        profile(team, "priya@sleepclinic.example", true, now);
        profile(team, "james@okafor-cfo.example", false, now);
    }

    private void profile(long team, String email, boolean approvalRequired, Timestamp now) {
        accounts.findByEmail(email).ifPresent(expert -> jdbc.sql("""
                insert into team_profile (team_id, source_account_id, approval_required, added_at)
                values (:team, :expert, :approval, :now)""")
                .param("team", team).param("expert", expert.id()).param("approval", approvalRequired).param("now", now)
                .update());
    }
}
