package org.sourcewire.mail;

import java.util.Map;

/**
 * An e-mail to queue: the recipient, the subject, the template pair {@code templates/<template>.html} and
 * {@code .txt}, the template's model and extra headers (e.g. List-Unsubscribe).
 */
public record Email(String to, String subject, String template, Map<String, Object> model, Map<String, String> headers) {

    public Email(String to, String subject, String template, Map<String, Object> model) {
        this(to, subject, template, model, Map.of());
    }
}
