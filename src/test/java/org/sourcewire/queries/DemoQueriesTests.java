package org.sourcewire.queries;

import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.sourcewire.SourcewireIntegrationTest;
import org.sourcewire.accounts.AccountManagement;
import org.sourcewire.accounts.Role;
import org.sourcewire.accounts.SignUp;
import org.sourcewire.accounts.TestAccounts;
import org.sourcewire.outlets.TestOutlets;
import org.sourcewire.shared.DemoData;
import org.sourcewire.topics.TopicCatalog;

import java.time.Clock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@SourcewireIntegrationTest
class DemoQueriesTests {

    private static final String MARIA = "maria@ledger.example";
    private static final String TOM = "tom.becker@freelance.example";

    @Autowired
    AccountManagement accounts;

    @Autowired
    QueryManagement queries;

    @Autowired
    Queries repository;

    @Autowired
    TopicCatalog topics;

    @Autowired
    Clock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestOutlets outlets;

    @Test
    void demoDataGivesMariaTwoPublishedQueriesAndTomOneSubmittedOnce() {
        // Maria's anonymous query needs her outlet verified, as the demo outlets make it.
        outlets.ledger();
        // AccountBootstrapTests may have loaded the demo accounts (and these queries) into the shared database already.
        if (accounts.findByEmail(MARIA).isEmpty()) {
            accounts.createVerified(new SignUp("Maria Lopez", MARIA, TestAccounts.PASSWORD, Role.JOURNALIST,
                    "The Daily Ledger", "https://ledger.example"));
        }
        if (accounts.findByEmail(TOM).isEmpty()) {
            accounts.createVerified(new SignUp("Tom Becker", TOM, TestAccounts.PASSWORD, Role.JOURNALIST,
                    "Freelance", "https://tombecker.example"));
        }
        DemoData on = Mockito.mock(DemoData.class);
        Mockito.when(on.enabled()).thenReturn(true);
        DemoQueries demo = new DemoQueries(on, queries, repository, accounts, topics, clock);

        demo.run(new DefaultApplicationArguments());
        demo.run(new DefaultApplicationArguments());

        assertThat(statuses(MARIA)).containsExactlyInAnyOrder("PUBLISHED", "PUBLISHED");
        assertThat(statuses(TOM)).hasSize(1).doesNotContain("DRAFT");
    }

    private java.util.List<String> statuses(String email) {
        return jdbc.sql("""
                select q.status from journalist_query q join account a on a.id = q.journalist_id
                where a.email = :email""").param("email", email).query(String.class).list();
    }
}
