package org.sourcewire;

import org.sourcewire.accounts.TestAccounts;
import org.sourcewire.mail.Mailbox;
import org.sourcewire.matching.TestSources;
import org.sourcewire.queries.TestQueries;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * What most whole-app tests use, injected once here instead of in every class. The annotation brings the shared
 * context and {@link SharedStateGuard}: a class must leave the tables every class reads as it found them, and the
 * clock is put back after each test.
 */
@SourcewireIntegrationTest
public abstract class IntegrationTest {

    @Autowired
    protected MockMvcTester mvc;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected TestClock clock;

    @Autowired
    protected TestAccounts accounts;

    @Autowired
    protected TestQueries queries;

    @Autowired
    protected TestSources sources;

    @Autowired
    protected Mailbox mailbox;
}
