package org.sourcewire.accounts;

import java.time.Duration;

import org.springframework.security.core.AuthenticationException;

/** Too many failed log-ins for this account, or from this address; says how long to wait. */
public class LoginThrottledException extends AuthenticationException {

    private final Duration retryAfter;
    private final boolean addressSlowed;

    private LoginThrottledException(String message, Duration retryAfter, boolean addressSlowed) {
        super(message);
        this.retryAfter = retryAfter;
        this.addressSlowed = addressSlowed;
    }

    static LoginThrottledException accountLocked(Duration retryAfter) {
        return new LoginThrottledException("Too many failed log-in attempts for this account", retryAfter, false);
    }

    static LoginThrottledException addressSlowed(Duration retryAfter) {
        return new LoginThrottledException("Too many failed log-in attempts from this address", retryAfter, true);
    }

    /** Whole minutes to wait, at least one. */
    public long retryAfterMinutes() {
        return Math.max(1, (retryAfter.toSeconds() + 59) / 60);
    }

    /** Whole seconds to wait, at least one. */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }

    /** The log-in page's query string that explains this refusal. */
    public String loginPageQuery() {
        return addressSlowed ? "error=slowed&seconds=" + retryAfterSeconds() : "error=throttled&wait=" + retryAfterMinutes();
    }
}
