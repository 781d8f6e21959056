package org.sourcewire.accounts;

import java.time.Duration;

import org.springframework.security.core.AuthenticationException;

/** Too many failed log-ins for this account or address; says how long to wait. */
public class LoginThrottledException extends AuthenticationException {

    private final Duration retryAfter;

    LoginThrottledException(Duration retryAfter) {
        super("Too many failed log-in attempts");
        this.retryAfter = retryAfter;
    }

    /** Whole minutes to wait, at least one. */
    public long retryAfterMinutes() {
        return Math.max(1, (retryAfter.toSeconds() + 59) / 60);
    }
}
