package org.sourcewire.mail;

import java.time.Clock;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Queues e-mails. The message is rendered and written to {@code mail_outbox} in the caller's transaction, so it
 * exists if and only if the change that caused it was committed; {@link OutboxSender} delivers it later.
 */
@Service
public class Outbox {

    private final JdbcClient jdbc;
    private final MailTemplates templates;
    private final JsonMapper json;
    private final Clock clock;

    Outbox(JdbcClient jdbc, MailTemplates templates, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.templates = templates;
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    public void queue(Email email) {
        MailTemplates.Rendered body = templates.render(email.template(), email.model());
        jdbc.sql("""
                insert into mail_outbox (recipient, subject, text_body, html_body, headers, next_attempt_at, created_at)
                values (:to, :subject, :text, :html, cast(:headers as jsonb), :now, :now)
                """)
                .param("to", email.to())
                .param("subject", email.subject())
                .param("text", body.text())
                .param("html", body.html())
                .param("headers", json.writeValueAsString(email.headers() == null ? Map.of() : email.headers()))
                .param("now", java.sql.Timestamp.from(clock.instant()))
                .update();
    }
}
