package org.sourcewire.accounts;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Counts failed log-ins per account e-mail and per client address in the database, so the limit holds across
 * app instances: after too many failures within the window, log-ins are refused until the oldest failure ages out.
 */
@Component
class LoginThrottle {

    private final JdbcClient jdbc;
    private final AccountsProperties.LoginThrottleProperties limits;
    private final Clock clock;

    LoginThrottle(JdbcClient jdbc, AccountsProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.limits = properties.loginThrottle();
        this.clock = clock;
    }

    /** @return how long to wait, if log-ins for this account or from this address are refused now */
    Optional<Duration> blockedFor(String email, String address) {
        Instant now = clock.instant();
        Optional<Duration> byAccount = blockedFor(accountKey(email), limits.maxFailuresPerAccount(), now);
        return byAccount.isPresent() || address == null ? byAccount
                : blockedFor(addressKey(address), limits.maxFailuresPerAddress(), now);
    }

    void recordFailure(String email, String address) {
        Timestamp now = Timestamp.from(clock.instant());
        insert(accountKey(email), now);
        if (address != null) {
            insert(addressKey(address), now);
        }
    }

    void recordSuccess(String email) {
        jdbc.sql("delete from login_failure where throttle_key = :key").param("key", accountKey(email)).update();
    }

    int forgetOldFailures() {
        return jdbc.sql("delete from login_failure where failed_at < :cutoff")
                .param("cutoff", Timestamp.from(clock.instant().minus(limits.window())))
                .update();
    }

    private Optional<Duration> blockedFor(String key, int maxFailures, Instant now) {
        // The failure that has to age out before the next attempt is allowed is the max-th most recent one.
        return jdbc.sql("""
                select failed_at from login_failure
                where throttle_key = :key and failed_at > :since
                order by failed_at desc
                offset :skip limit 1
                """)
                .param("key", key)
                .param("since", Timestamp.from(now.minus(limits.window())))
                .param("skip", maxFailures - 1)
                .query(Timestamp.class)
                .optional()
                .map(failedAt -> Duration.between(now, failedAt.toInstant().plus(limits.window())));
    }

    private void insert(String key, Timestamp now) {
        jdbc.sql("insert into login_failure (throttle_key, failed_at) values (:key, :now)")
                .param("key", key)
                .param("now", now)
                .update();
    }

    private static String accountKey(String email) {
        return "account:" + (email == null ? "" : email.strip().toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }
}
