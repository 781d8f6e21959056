package org.sourcewire.mail;

import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import static org.springframework.http.HttpStatus.NOT_FOUND;

/** The admins' view of the outbox: what was sent, what waits, what failed, and each message's text and links. */
@Controller
@RequestMapping("/admin/outbox")
class OutboxController {

    private static final int PAGE_SIZE = 25;
    private static final Pattern LINK = Pattern.compile("https?://\\S+");

    private final JdbcClient jdbc;

    OutboxController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "") String to, Model model) {
        PageRequest request = PageRequest.of(Math.max(page, 0), PAGE_SIZE);
        String filter = to.isBlank() ? "" : "where recipient ilike :to";
        String pattern = "%" + to.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        var select = jdbc.sql("select id, recipient, subject, status, attempts, created_at, sent_at from mail_outbox "
                + filter + " order by created_at desc, id desc limit :limit offset :offset")
                .param("limit", PAGE_SIZE)
                .param("offset", request.getOffset());
        var count = jdbc.sql("select count(*) from mail_outbox " + filter);
        if (!to.isBlank()) {
            select = select.param("to", pattern);
            count = count.param("to", pattern);
        }
        List<Row> rows = select.query((rs, n) -> new Row(rs.getLong("id"), rs.getString("recipient"),
                rs.getString("subject"), rs.getString("status"), rs.getInt("attempts"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("sent_at") == null ? null : rs.getTimestamp("sent_at").toInstant())).list();
        Page<Row> messages = new PageImpl<>(rows, request, count.query(Long.class).single());
        model.addAttribute("messages", messages);
        model.addAttribute("to", to);
        return "admin/outbox";
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, Model model) {
        Message message = jdbc.sql("""
                select id, recipient, subject, status, attempts, last_error, text_body, created_at, sent_at
                from mail_outbox where id = :id""")
                .param("id", id)
                .query((rs, n) -> new Message(rs.getLong("id"), rs.getString("recipient"), rs.getString("subject"),
                        rs.getString("status"), rs.getInt("attempts"), rs.getString("last_error"), rs.getString("text_body"),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("sent_at") == null ? null : rs.getTimestamp("sent_at").toInstant()))
                .optional()
                .orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
        // Kept mail (no SMTP server) reaches its reader only through this page, links and all; any other mail's
        // link tokens would let an admin reset, confirm or join as its recipient, another admin included.
        boolean hide = !message.status().equals("LOGGED");
        String text = hide ? LINK.matcher(message.text()).replaceAll(link -> Matcher.quoteReplacement(
                withoutQueryValues(link.group()))) : message.text();
        model.addAttribute("message", message.withText(text));
        model.addAttribute("valuesHidden", !text.equals(message.text()));
        model.addAttribute("links", links(text));
        return "admin/outbox-message";
    }

    private static List<String> links(String text) {
        Matcher matcher = LINK.matcher(text);
        return matcher.results().map(result -> result.group()).distinct().toList();
    }

    /** A link with the values of its query (a token, a signature) hidden: {@code /password-reset/new?token=…}. */
    static String withoutQueryValues(String link) {
        int query = link.indexOf('?');
        return query < 0 ? link : link.substring(0, query + 1) + link.substring(query + 1).replaceAll("=[^&]*", "=…");
    }

    /**
     * The message key of what admins read for a status (the page writes {@code #{${m.statusKey()}}}): "Kept" is mail
     * that stays here because no SMTP server is configured.
     */
    static String statusKey(String status, int attempts) {
        return switch (status) {
            case "PENDING" -> attempts > 0 ? "mail.text.status-retrying" : "mail.text.status-queued";
            case "SENT" -> "mail.text.status-sent";
            case "LOGGED" -> "mail.text.status-kept";
            default -> "mail.text.status-failed";
        };
    }

    record Row(long id, String recipient, String subject, String status, int attempts, Instant createdAt, Instant sentAt) {

        public String statusKey() {
            return OutboxController.statusKey(status, attempts);
        }
    }

    record Message(long id, String recipient, String subject, String status, int attempts, String lastError, String text,
            Instant createdAt, Instant sentAt) {

        public String statusKey() {
            return OutboxController.statusKey(status, attempts);
        }

        Message withText(String newText) {
            return new Message(id, recipient, subject, status, attempts, lastError, newText, createdAt, sentAt);
        }
    }
}
