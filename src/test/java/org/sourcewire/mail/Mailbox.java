package org.sourcewire.mail;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.springframework.stereotype.Component;

/** Test access to mail: deliver what the outbox holds and read what GreenMail received. */
@Component
public class Mailbox {

    private final OutboxSender sender;
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

    Mailbox(OutboxSender sender, org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        this.sender = sender;
        this.jdbc = jdbc;
    }

    /**
     * Delivers everything, also the mails the outbox holds back for a while (a decision's notice waits out its undo
     * window): as the scheduler would once they are due.
     */
    public int deliverIncludingHeld() {
        jdbc.sql("update mail_outbox set next_attempt_at = now() where status = 'PENDING' and attempts = 0 "
                + "and next_attempt_at > now()").update();
        return deliver();
    }

    /** Runs the outbox sender until nothing is due, as the scheduler would. */
    public int deliver() {
        int total = 0;
        int sent;
        while ((sent = sender.sendDue()) > 0) {
            total += sent;
        }
        return total;
    }

    public List<MimeMessage> receivedBy(String address) {
        return Arrays.stream(TestSmtp.server().getReceivedMessages()).filter(message -> {
            try {
                return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                        .anyMatch(recipient -> recipient.toString().equalsIgnoreCase(address));
            }
            catch (MessagingException ex) {
                throw new IllegalStateException(ex);
            }
        }).toList();
    }

    public static String text(MimeMessage message) {
        return GreenMailUtil.getBody(message);
    }

    /** The path and query of the first link to {@code pathPrefix} in the message, e.g. {@code /verify-email?token=...}. */
    public static String link(MimeMessage message, String pathPrefix) {
        String body = GreenMailUtil.getBody(message).replace("=\r\n", "").replace("=3D", "=");
        Matcher matcher = Pattern.compile("https?://[^/\\s\"<>]+(" + Pattern.quote(pathPrefix) + "[^\\s\"<>]*)").matcher(body);
        if (!matcher.find()) {
            throw new AssertionError("No link to " + pathPrefix + " in:\n" + body);
        }
        return matcher.group(1);
    }
}
