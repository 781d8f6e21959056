package org.sourcewire.accounts;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param passwordHashRounds bcrypt's cost (log2 of its rounds) for new password hashes: 10, Spring Security's
 *        default, unless set; only the tests set it lower, to 4
 */
@ConfigurationProperties("sourcewire.accounts")
record AccountsProperties(Duration verificationLinkValidity, Duration passwordResetLinkValidity,
        LoginThrottleProperties loginThrottle, MailLimits mailLimits, int passwordHashRounds) {

    AccountsProperties {
        passwordHashRounds = passwordHashRounds == 0 ? 10 : passwordHashRounds;
    }

    /**
     * @param maxFailuresPerAccount failures within the window that lock an account's log-ins
     * @param addressFailuresBeforeDelay failures from one client address within the window before its attempts slow
     * @param addressFirstDelay the wait after the first failure past that, doubling with each further one
     * @param addressMaxDelay the longest wait between attempts from one address
     */
    record LoginThrottleProperties(int maxFailuresPerAccount, int addressFailuresBeforeDelay, Duration addressFirstDelay,
            Duration addressMaxDelay, Duration window) {
    }

    /**
     * The mails that anyone can make Sourcewire send (sign-up, verification re-send, password reset), counted together.
     *
     * @param perEmail mails to one e-mail address per period, whether or not it has an account
     * @param perAddress requests that send mail from one client address per period
     * @param period the period; the allowance comes back gradually over it
     */
    record MailLimits(int perEmail, int perAddress, Duration period) {
    }
}
