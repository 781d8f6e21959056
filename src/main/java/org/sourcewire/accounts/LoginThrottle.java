package org.sourcewire.accounts;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counts failed log-ins per account e-mail and per client address in the database, so the limits hold across app
 * instances.
 * <ul>
 * <li>An account: after too many failures within the window its log-ins are refused until the oldest failure ages
 * out (a hard lock: guessing one person's password stays slow whatever addresses it comes from).</li>
 * <li>An address: a newsroom or an office shares one, so it is never locked. After a number of failures within the
 * window each further attempt from it has to wait after the previous one, a wait that doubles with every failure up
 * to a cap: a colleague with the right password waits seconds, a password sprayer gets about one guess per cap.</li>
 * </ul>
 */
@Component
class LoginThrottle {

    private final JdbcClient jdbc;
    private final AccountsProperties.LoginThrottleProperties limits;
    private final Clock clock;
    private final TransactionTemplate transactions;

    LoginThrottle(JdbcClient jdbc, AccountsProperties properties, Clock clock, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.limits = properties.loginThrottle();
        this.clock = clock;
        this.transactions = transactions;
    }

    /**
     * Lets an attempt go ahead or says how long to wait. An admitted attempt from an address counts as a failure of
     * that address at once (so concurrent attempts cannot all slip through one gap); {@link #succeeded} takes it back.
     *
     * @throws LoginThrottledException if log-ins for this account, or from this address, have to wait
     */
    Attempt admit(String email, String address) {
        Instant now = clock.instant();
        Optional<Duration> accountLock = accountLockedFor(accountKey(email), now);
        if (accountLock.isPresent()) {
            throw LoginThrottledException.accountLocked(accountLock.get());
        }
        if (address == null) {
            return new Attempt(email, null);
        }
        String key = addressKey(address);
        Long counted = transactions.execute(status -> {
            // One attempt per address at a time decides and counts: the next one sees this one's row.
            jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:key, 0))").param("key", key).query((rs, row) -> 1).list();
            Duration wait = addressWait(key, now);
            if (!wait.isZero()) {
                return null;
            }
            return jdbc.sql("insert into login_failure (throttle_key, failed_at) values (:key, :now) returning id")
                    .param("key", key).param("now", Timestamp.from(now)).query(Long.class).single();
        });
        if (counted == null) {
            throw LoginThrottledException.addressSlowed(addressWait(key, now));
        }
        return new Attempt(email, counted);
    }

    /** The password was wrong: the account's count goes up (the address's already did when it was admitted). */
    void failed(Attempt attempt) {
        jdbc.sql("insert into login_failure (throttle_key, failed_at) values (:key, :now)")
                .param("key", accountKey(attempt.email()))
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }

    /** The password was right: the account's failures are forgotten, and this attempt no longer counts. */
    void succeeded(Attempt attempt) {
        forget(attempt.email());
        release(attempt);
    }

    /**
     * The account's password was reset or changed: its failures are forgotten, so a lock anybody could set with a few
     * wrong guesses never keeps the owner out once they have proved who they are.
     */
    void forget(String email) {
        jdbc.sql("delete from login_failure where throttle_key = :key").param("key", accountKey(email)).update();
    }

    /** The attempt ended without a password check worth counting (e.g. a suspended account). */
    void release(Attempt attempt) {
        if (attempt.addressFailureId() != null) {
            jdbc.sql("delete from login_failure where id = :id").param("id", attempt.addressFailureId()).update();
        }
    }

    int forgetOldFailures() {
        return jdbc.sql("delete from login_failure where failed_at < :cutoff")
                .param("cutoff", Timestamp.from(clock.instant().minus(limits.window())))
                .update();
    }

    private Optional<Duration> accountLockedFor(String key, Instant now) {
        // The failure that has to age out before the next attempt is allowed is the max-th most recent one.
        return jdbc.sql("""
                select failed_at from login_failure
                where throttle_key = :key and failed_at > :since
                order by failed_at desc
                offset :skip limit 1
                """)
                .param("key", key)
                .param("since", Timestamp.from(now.minus(limits.window())))
                .param("skip", limits.maxFailuresPerAccount() - 1)
                .query(Timestamp.class)
                .optional()
                .map(failedAt -> Duration.between(now, failedAt.toInstant().plus(limits.window())));
    }

    /** How long after the address's latest failure the next attempt must wait, less the time since; zero if none. */
    private Duration addressWait(String key, Instant now) {
        return jdbc.sql("""
                select count(*), max(failed_at) from login_failure
                where throttle_key = :key and failed_at > :since
                """)
                .param("key", key)
                .param("since", Timestamp.from(now.minus(limits.window())))
                .query((rs, row) -> {
                    long failures = rs.getLong(1);
                    if (failures < limits.addressFailuresBeforeDelay()) {
                        return Duration.ZERO;
                    }
                    Instant latest = rs.getTimestamp(2).toInstant();
                    Duration wait = Duration.between(now, latest.plus(delayAfter(failures, limits)));
                    return wait.isNegative() ? Duration.ZERO : wait;
                })
                .single();
    }

    /** first delay × 2^(failures − free failures), at most the max delay. */
    static Duration delayAfter(long failures, AccountsProperties.LoginThrottleProperties limits) {
        long doublings = failures - limits.addressFailuresBeforeDelay();
        Duration max = limits.addressMaxDelay();
        if (doublings >= 62) {
            return max;
        }
        long millis = limits.addressFirstDelay().toMillis();
        long grown = millis > max.toMillis() >> doublings ? max.toMillis() : millis << doublings;
        return Duration.ofMillis(Math.min(grown, max.toMillis()));
    }

    private static String accountKey(String email) {
        return "account:" + (email == null ? "" : email.strip().toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }

    /** One log-in attempt let through, and the address failure it counts as until it succeeds (null: no address). */
    record Attempt(String email, Long addressFailureId) {
    }
}
