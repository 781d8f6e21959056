package org.sourcewire.mail;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers due outbox messages. Each message is claimed with {@code FOR UPDATE SKIP LOCKED} in its own short
 * transaction, so several instances share the work without sending a message twice, and a crash leaves the
 * message pending to be sent after the restart. Failures are retried with back-off up to a limit.
 *
 * <p>With no SMTP server configured ({@code spring.mail.host} unset) a message is written to the log and kept as
 * {@code LOGGED}; admins read it on the Outbox page.
 */
@Component
class OutboxSender {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final MailProperties properties;
    private final JsonMapper json;
    private final Clock clock;
    private final Counter sent;
    private final Counter failed;

    OutboxSender(JdbcClient jdbc, TransactionTemplate transactions, ObjectProvider<JavaMailSender> mailSender,
            MailProperties properties, JsonMapper json, Clock clock, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.mailSender = mailSender;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
        this.sent = Counter.builder("sourcewire.mail.sent").description("mails handed to the SMTP server")
                .register(meters);
        this.failed = Counter.builder("sourcewire.mail.attempts.failed")
                .description("attempts the SMTP server refused or that could not reach it").register(meters);
    }

    /** Sends up to one batch of due messages; returns how many were handled (sent, logged or failed). */
    int sendDue() {
        int handled = 0;
        while (handled < properties.outbox().batchSize() && Boolean.TRUE.equals(transactions.execute(status -> sendNext()))) {
            handled++;
        }
        return handled;
    }

    private boolean sendNext() {
        Instant now = clock.instant();
        Optional<Pending> next = jdbc.sql("""
                select id, recipient, subject, text_body, html_body, headers::text as headers, attempts
                from mail_outbox
                where status = 'PENDING' and next_attempt_at <= :now
                order by next_attempt_at, id
                limit 1
                for update skip locked
                """)
                .param("now", Timestamp.from(now))
                .query((rs, row) -> new Pending(rs.getLong("id"), rs.getString("recipient"), rs.getString("subject"),
                        rs.getString("text_body"), rs.getString("html_body"), rs.getString("headers"), rs.getInt("attempts")))
                .optional();
        if (next.isEmpty()) {
            return false;
        }
        Pending message = next.get();
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null) {
            log.info("""
                    No SMTP server configured: e-mail #{} kept in the outbox (Admin › Outbox).
                    To: {}
                    Subject: {}

                    {}""", message.id(), message.recipient(), message.subject(), message.text());
            markDone(message.id(), "LOGGED", now);
            return true;
        }
        try {
            sender.send(toMime(sender, message));
            markDone(message.id(), "SENT", now);
            sent.increment();
        }
        catch (MailException | MessagingException ex) {
            failed.increment();
            int attempts = message.attempts() + 1;
            boolean givingUp = attempts >= properties.outbox().maxAttempts();
            log.warn("E-mail #{} to {} failed (attempt {}{}): {}", message.id(), message.recipient(), attempts,
                    givingUp ? ", giving up" : "", ex.getMessage());
            jdbc.sql("""
                    update mail_outbox
                    set attempts = :attempts, last_error = :error, status = :status, next_attempt_at = :next
                    where id = :id
                    """)
                    .param("attempts", attempts)
                    .param("error", String.valueOf(ex.getMessage()))
                    .param("status", givingUp ? "FAILED" : "PENDING")
                    .param("next", Timestamp.from(now.plus(properties.outbox().retryDelay(attempts))))
                    .param("id", message.id())
                    .update();
        }
        return true;
    }

    private void markDone(long id, String status, Instant now) {
        jdbc.sql("update mail_outbox set status = :status, sent_at = :now, last_error = null where id = :id")
                .param("status", status)
                .param("now", Timestamp.from(now))
                .param("id", id)
                .update();
    }

    private MimeMessage toMime(JavaMailSender sender, Pending message) throws MessagingException {
        MimeMessage mime = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(mime, true, "UTF-8");
        helper.setFrom(properties.from());
        helper.setTo(message.recipient());
        helper.setSubject(message.subject());
        helper.setText(message.text(), message.html());
        Map<String, String> headers = json.readValue(message.headers(), new TypeReference<Map<String, String>>() {
        });
        for (Map.Entry<String, String> header : headers.entrySet()) {
            mime.setHeader(header.getKey(), header.getValue());
        }
        mime.setHeader("X-Sourcewire-Outbox-Id", Long.toString(message.id()));
        return mime;
    }

    private record Pending(long id, String recipient, String subject, String text, String html, String headers,
            int attempts) {
    }
}
