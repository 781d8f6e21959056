package org.sourcewire.mail;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
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
    private final JdbcTemplate jdbcTemplate;
    private final MailTemplates templates;
    private final JsonMapper json;
    private final Clock clock;

    Outbox(JdbcClient jdbc, JdbcTemplate jdbcTemplate, MailTemplates templates, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.templates = templates;
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    public void queue(Email email) {
        queue(email, java.time.Duration.ZERO);
    }

    /**
     * Queues an e-mail the sender keeps back for a while, so the change that caused it can still be taken back with
     * {@link #cancel}; returns the message's id.
     */
    @Transactional
    public long queue(Email email, java.time.Duration hold) {
        MailTemplates.Rendered body = templates.render(email.template(), email.model());
        java.time.Instant now = clock.instant();
        return jdbc.sql("""
                insert into mail_outbox (recipient, subject, text_body, html_body, headers, next_attempt_at, created_at)
                values (:to, :subject, :text, :html, cast(:headers as jsonb), :due, :now)
                returning id""")
                .param("to", email.to())
                .param("subject", templates.subject(email.subject()))
                .param("text", body.text())
                .param("html", body.html())
                .param("headers", json.writeValueAsString(email.headers() == null ? Map.of() : email.headers()))
                .param("due", java.sql.Timestamp.from(now.plus(hold)))
                .param("now", java.sql.Timestamp.from(now))
                .query(Long.class).single();
    }

    /**
     * Withdraws a message that has not been sent yet; returns whether it was. A message the sender is delivering at
     * this moment is locked by it, so this waits and then finds it sent.
     */
    @Transactional
    public boolean cancel(long id) {
        return jdbc.sql("delete from mail_outbox where id = :id and status = 'PENDING' and attempts = 0")
                .param("id", id).update() == 1;
    }

    /**
     * Queues many e-mails at once, as a digest edition does: rendered on the mail render threads, written by one
     * multi-row insert (arrays unnested server-side) instead of one round trip per message.
     */
    @Transactional
    public void queueAll(List<Email> emails) {
        if (emails.isEmpty()) {
            return;
        }
        List<MailTemplates.Rendered> bodies = templates.renderAll(emails);
        int n = emails.size();
        String[] to = new String[n];
        String[] subjects = new String[n];
        String[] texts = new String[n];
        String[] htmls = new String[n];
        String[] headers = new String[n];
        for (int i = 0; i < n; i++) {
            Email email = emails.get(i);
            to[i] = email.to();
            subjects[i] = templates.subject(email.subject());
            texts[i] = bodies.get(i).text();
            htmls[i] = bodies.get(i).html();
            headers[i] = json.writeValueAsString(email.headers() == null ? Map.of() : email.headers());
        }
        java.sql.Timestamp now = java.sql.Timestamp.from(clock.instant());
        jdbcTemplate.execute((ConnectionCallback<Integer>) connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into mail_outbox (recipient, subject, text_body, html_body, headers, next_attempt_at, created_at)
                    select m.recipient, m.subject, m.text_body, m.html_body, cast(m.headers as jsonb), ?, ?
                    from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                        with ordinality as m(recipient, subject, text_body, html_body, headers, n)
                    order by m.n""")) {
                insert.setTimestamp(1, now);
                insert.setTimestamp(2, now);
                String[][] columns = { to, subjects, texts, htmls, headers };
                for (int c = 0; c < columns.length; c++) {
                    Array array = connection.createArrayOf("text", columns[c]);
                    insert.setArray(3 + c, array);
                }
                return insert.executeUpdate();
            }
        });
    }
}
