package org.sourcewire.accounts;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

@ConfigurationProperties("sourcewire.accounts")
record AccountsProperties(Duration verificationLinkValidity, Duration passwordResetLinkValidity,
        LoginThrottleProperties loginThrottle) {

    /**
     * @param maxFailuresPerAccount failures within the window that lock an account's log-ins
     * @param addressFailuresBeforeDelay failures from one client address within the window before its attempts slow
     * @param addressFirstDelay the wait after the first failure past that, doubling with each further one
     * @param addressMaxDelay the longest wait between attempts from one address
     */
    record LoginThrottleProperties(int maxFailuresPerAccount, int addressFailuresBeforeDelay, Duration addressFirstDelay,
            Duration addressMaxDelay, Duration window) {
    }
}
