package org.sourcewire.accounts;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.validation.Errors;

/** How a form answers when {@link MailRateLimits} says no: the form again, with the reason, as 429. */
final class MailLimitAnswers {

    private MailLimitAnswers() {
    }

    /** The e-mail address's limit beside its field; the client address's limit above the form. */
    static void reject(MailRateLimits.Refusal refusal, String emailField, Errors errors, HttpServletResponse response) {
        if (refusal.forEmail()) {
            errors.rejectValue(emailField, "limited", refusal.message());
        }
        else {
            errors.reject("limited", refusal.message());
        }
        response.setStatus(429);
        response.setHeader("Retry-After", String.valueOf(refusal.retryAfterSeconds()));
    }
}
