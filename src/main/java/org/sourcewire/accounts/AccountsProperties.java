package org.sourcewire.accounts;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

@ConfigurationProperties("sourcewire.accounts")
record AccountsProperties(Duration verificationLinkValidity, Duration passwordResetLinkValidity,
        LoginThrottleProperties loginThrottle) {

    record LoginThrottleProperties(int maxFailuresPerAccount, int maxFailuresPerAddress, Duration window) {
    }
}
