package org.sourcewire.accounts;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.validation.Errors;

/** How a form answers when {@link MailRateLimits} says no: the form again, with the reason, as 429. */
final class MailLimitAnswers {

    private MailLimitAnswers() {
    }

    /**
     * Takes one mail from the allowances for the form's {@code email} field, from the request's client address; when
     * either is used up, answers as {@link #reject} does. The sign-up, new-link and reset forms all ask this way.
     *
     * @return true if the mail may not be sent (the form is to be shown again)
     */
    static boolean refused(MailRateLimits limits, String email, Errors errors, HttpServletRequest request,
            HttpServletResponse response) {
        Optional<MailRateLimits.Refusal> refusal = limits.tryAcquire(request.getRemoteAddr(), email);
        refusal.ifPresent(found -> reject(found, "email", errors, response));
        return refusal.isPresent();
    }

    /** The e-mail address's limit beside its field; the client address's limit above the form. */
    static void reject(MailRateLimits.Refusal refusal, String emailField, Errors errors, HttpServletResponse response) {
        if (refusal.forEmail()) {
            errors.rejectValue(emailField, refusal.code(), refusal.getArguments(), null);
        }
        else {
            errors.reject(refusal.code(), refusal.getArguments(), null);
        }
        response.setStatus(429);
        response.setHeader("Retry-After", String.valueOf(refusal.retryAfterSeconds()));
    }
}
