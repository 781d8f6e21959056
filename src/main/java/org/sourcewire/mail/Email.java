package org.sourcewire.mail;

import java.util.Map;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * An e-mail to queue: the recipient, the subject (a key of {@code messages.properties} with its arguments, see
 * {@link #subject}), the template pair {@code templates/<template>.html} and {@code .txt}, the template's model and
 * extra headers (e.g. List-Unsubscribe).
 */
public record Email(String to, MessageSourceResolvable subject, String template, Map<String, Object> model,
        Map<String, String> headers) {

    public Email(String to, MessageSourceResolvable subject, String template, Map<String, Object> model) {
        this(to, subject, template, model, Map.of());
    }

    /** A subject line: its key, by convention {@code mail.<template>.subject}, and the key's arguments. */
    public static MessageSourceResolvable subject(String key, Object... arguments) {
        return new DefaultMessageSourceResolvable(new String[] { key }, arguments);
    }
}
