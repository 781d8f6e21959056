package org.sourcewire.mail;

import java.time.Duration;
import java.util.Map;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sourcewire.IntegrationTest;
import org.sourcewire.accounts.TestAccounts;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

class OutboxTests extends IntegrationTest {

    @Autowired
    Outbox outbox;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    MailProperties properties;

    @Autowired
    JsonMapper json;

    @AfterEach
    void restore() {
        TestSmtp.start();
        clock.reset();
    }

    @Test
    void mailWrittenWhileSmtpIsDownIsSentOnceSmtpIsBackAndNeverTwice() throws Exception {
        String to = TestAccounts.uniqueEmail("patient");
        TestSmtp.stop();
        transactions.executeWithoutResult(status -> outbox.queue(email(to)));

        mailbox.deliver();
        assertThat(row(to)).isEqualTo("PENDING/1");

        TestSmtp.start();
        mailbox.deliver();
        assertThat(mailbox.receivedBy(to)).as("not due again before the back-off").isEmpty();

        clock.advance(Duration.ofMinutes(1));
        mailbox.deliver();
        mailbox.deliver();
        clock.advance(Duration.ofHours(12));
        mailbox.deliver();

        assertThat(mailbox.receivedBy(to)).hasSize(1);
        assertThat(mailbox.receivedBy(to).get(0).getSubject()).isEqualTo("Hello from the outbox");
        assertThat(mailbox.receivedBy(to).get(0).getHeader("List-Unsubscribe")).containsExactly("<https://example.com/u>");
        assertThat(row(to)).isEqualTo("SENT/1");
    }

    @Test
    void mailIsOnlyWrittenWhenItsTransactionCommits() {
        String to = TestAccounts.uniqueEmail("rolled-back");

        transactions.executeWithoutResult(status -> {
            outbox.queue(email(to));
            status.setRollbackOnly();
        });

        assertThat(jdbc.sql("select count(*) from mail_outbox where recipient = :to").param("to", to)
                .query(Long.class).single()).isZero();
    }

    @Test
    void aMessageThatKeepsFailingIsGivenUpAfterTheLastAttempt() {
        String to = TestAccounts.uniqueEmail("hopeless");
        TestSmtp.stop();
        transactions.executeWithoutResult(status -> outbox.queue(email(to)));

        for (int attempt = 0; attempt < properties.outbox().maxAttempts(); attempt++) {
            mailbox.deliver();
            clock.advance(Duration.ofHours(7));
        }

        assertThat(row(to)).isEqualTo("FAILED/" + properties.outbox().maxAttempts());
    }

    @Test
    void withoutSmtpTheMailIsKeptAndLoggedForAdmins() {
        mailbox.deliver();
        String to = TestAccounts.uniqueEmail("offline");
        transactions.executeWithoutResult(status -> outbox.queue(email(to)));
        OutboxSender logOnly = new OutboxSender(jdbc, transactions,
                new StaticListableBeanFactory().getBeanProvider(JavaMailSender.class), properties, json, clock,
                new SimpleMeterRegistry());

        assertThat(logOnly.sendDue()).isEqualTo(1);
        assertThat(logOnly.sendDue()).isZero();
        assertThat(row(to)).isEqualTo("LOGGED/0");
        assertThat(mailbox.receivedBy(to)).isEmpty();
    }

    @Test
    void theMailHasHtmlAndPlainTextParts() throws Exception {
        String to = TestAccounts.uniqueEmail("parts");
        transactions.executeWithoutResult(status -> outbox.queue(new Email(to, new DefaultMessageSourceResolvable(null, null, "Reset"), "mail/password-reset",
                Map.of("name", "Ann <b>", "link", "https://example.com/r?token=a", "validity", "1 hour"))));
        mailbox.deliver();

        String raw = Mailbox.text(mailbox.receivedBy(to).get(0));
        assertThat(raw).contains("text/plain").contains("text/html").contains("Ann &lt;b&gt;").contains("Hello Ann <b>,");
    }

    private static Email email(String to) {
        return new Email(to, new DefaultMessageSourceResolvable(null, null, "Hello from the outbox"), "mail/password-changed",
                Map.of("name", "Tester", "resetLink", "https://example.com/reset"),
                Map.of("List-Unsubscribe", "<https://example.com/u>"));
    }

    private String row(String to) {
        return jdbc.sql("select status || '/' || attempts from mail_outbox where recipient = :to").param("to", to)
                .query(String.class).single();
    }
}
