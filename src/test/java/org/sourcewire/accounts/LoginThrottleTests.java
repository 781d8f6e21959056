package org.sourcewire.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.sourcewire.IntegrationTest;
import org.sourcewire.accounts.AccountsProperties.LoginThrottleProperties;
import org.sourcewire.accounts.LoginThrottle.Attempt;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The throttle's rules, one call at a time, on a throttle of its own with small limits and a clock of its own. The
 * counting is SQL for PostgreSQL (advisory locks, {@code hashtextextended}), so it runs on the shared app's database;
 * its clock stands in 2001, so no other test's failures are in its window and its clean-up touches only its own rows.
 * {@link LogInTests} checks the same rules through the log-in form.
 */
class LoginThrottleTests extends IntegrationTest {

    /** 3 failures lock an account; 2 free failures per address, then 1 s, doubling, at most 8 s; a 15-minute window. */
    private static final LoginThrottleProperties LIMITS = new LoginThrottleProperties(3, 2, Duration.ofSeconds(1),
            Duration.ofSeconds(8), Duration.ofMinutes(15));

    @Autowired
    TransactionTemplate transactions;

    private final MovableClock throttleClock = new MovableClock(Instant.parse("2001-03-01T09:00:00Z"));

    private final String email = UUID.randomUUID() + "@throttle.example";

    private final String address = "198.51.100." + UUID.randomUUID();

    private LoginThrottle throttle() {
        return new LoginThrottle(jdbc, new AccountsProperties(null, null, LIMITS, null, 0), throttleClock, transactions);
    }

    @Test
    void anAccountLocksAfterItsMaxFailuresUntilTheOldestAgesOut() {
        LoginThrottle throttle = throttle();
        for (int i = 0; i < 3; i++) {
            throttle.failed(throttle.admit(email, null));
            throttleClock.advance(Duration.ofMinutes(1));
        }

        LoginThrottledException locked = catchThrowableOfType(LoginThrottledException.class,
                () -> throttle.admit(email, null));
        // The first failure was three minutes ago: it ages out in twelve.
        assertThat(locked.loginPageQuery()).isEqualTo("error=throttled&wait=12");

        throttleClock.advance(Duration.ofMinutes(12).minusSeconds(1));
        assertThatThrownBy(() -> throttle.admit(email, null)).isInstanceOf(LoginThrottledException.class);
        throttleClock.advance(Duration.ofSeconds(1));
        throttle.admit(email, null);
    }

    @Test
    void theAccountIsCountedByItsAddressWhateverTheCaseAndSpaces() {
        LoginThrottle throttle = throttle();
        throttle.failed(throttle.admit(email.toUpperCase(), null));
        throttle.failed(throttle.admit("  " + email + " ", null));
        throttle.failed(throttle.admit(email, null));

        assertThatThrownBy(() -> throttle.admit(email.toUpperCase(), null)).isInstanceOf(LoginThrottledException.class);
    }

    @Test
    void aRightPasswordForgetsTheAccountsFailures() {
        LoginThrottle throttle = throttle();
        throttle.failed(throttle.admit(email, null));
        throttle.failed(throttle.admit(email, null));
        throttle.succeeded(throttle.admit(email, null));

        throttle.failed(throttle.admit(email, null));
        throttle.failed(throttle.admit(email, null));
        throttle.admit(email, null);
    }

    @Test
    void anAddressIsNeverLockedButWaitsLongerWithEachFailureUpToTheCap() {
        LoginThrottle throttle = throttle();
        // The two free failures, from different accounts as a password sprayer's are.
        throttle.failed(throttle.admit("a-" + email, address));
        throttle.failed(throttle.admit("b-" + email, address));

        for (long seconds : new long[] { 1, 2, 4, 8, 8, 8 }) {
            LoginThrottledException slowed = catchThrowableOfType(LoginThrottledException.class,
                    () -> throttle.admit(UUID.randomUUID() + "@throttle.example", address));
            assertThat(slowed.loginPageQuery()).isEqualTo("error=slowed&seconds=" + seconds);

            throttleClock.advance(Duration.ofSeconds(seconds).minusMillis(1));
            assertThatThrownBy(() -> throttle.admit(email, address)).as("a millisecond early")
                    .isInstanceOf(LoginThrottledException.class);
            throttleClock.advance(Duration.ofMillis(1));
            throttle.failed(throttle.admit(UUID.randomUUID() + "@throttle.example", address));
        }
    }

    @Test
    void anAdmittedAttemptCountsForItsAddressUntilItSucceedsOrIsReleased() {
        LoginThrottle throttle = throttle();
        // Two attempts in flight, neither finished: the third has to wait for them.
        Attempt first = throttle.admit("a-" + email, address);
        Attempt second = throttle.admit("b-" + email, address);
        assertThatThrownBy(() -> throttle.admit(email, address)).isInstanceOf(LoginThrottledException.class);

        throttle.succeeded(first);
        throttle.release(second);

        throttle.admit(email, address);
    }

    @Test
    void failuresFromAnAddressAgeOutOfTheWindow() {
        LoginThrottle throttle = throttle();
        throttle.failed(throttle.admit("a-" + email, address));
        throttle.failed(throttle.admit("b-" + email, address));
        assertThatThrownBy(() -> throttle.admit(email, address)).isInstanceOf(LoginThrottledException.class);

        throttleClock.advance(Duration.ofMinutes(15));

        throttle.admit(email, address);
    }

    @Test
    void forgettingOldFailuresDeletesOnlyThoseOutsideTheWindow() {
        LoginThrottle throttle = throttle();
        throttle.failed(throttle.admit(email, address));
        throttleClock.advance(Duration.ofMinutes(10));
        throttle.failed(throttle.admit(email, null));
        throttleClock.advance(Duration.ofMinutes(10));

        // The first attempt's two rows (its address and its account) are 20 minutes old, the second's one row 10.
        // (Other tests of this class left rows in 2001 too: at least these two go.)
        assertThat(throttle.forgetOldFailures()).isGreaterThanOrEqualTo(2);
        assertThat(jdbc.sql("select count(*) from login_failure where throttle_key in (:keys)")
                .param("keys", java.util.List.of("account:" + email, "address:" + address)).query(Integer.class).single())
                .isEqualTo(1);
    }

    @Test
    void theAddressDelayDoublesFromTheFirstDelayAndStopsAtTheMax() {
        assertThat(LoginThrottle.delayAfter(2, LIMITS)).isEqualTo(Duration.ofSeconds(1));
        assertThat(LoginThrottle.delayAfter(3, LIMITS)).isEqualTo(Duration.ofSeconds(2));
        assertThat(LoginThrottle.delayAfter(5, LIMITS)).isEqualTo(Duration.ofSeconds(8));
        assertThat(LoginThrottle.delayAfter(6, LIMITS)).isEqualTo(Duration.ofSeconds(8));
    }

    /** A shift past 63 bits, or a first delay near the largest long, must not wrap round to a short wait. */
    @Test
    void theAddressDelayNeverOverflowsToAShortWait() {
        assertThat(LoginThrottle.delayAfter(2 + 61, LIMITS)).isEqualTo(Duration.ofSeconds(8));
        assertThat(LoginThrottle.delayAfter(2 + 62, LIMITS)).isEqualTo(Duration.ofSeconds(8));
        assertThat(LoginThrottle.delayAfter(2 + 64, LIMITS)).isEqualTo(Duration.ofSeconds(8));
        assertThat(LoginThrottle.delayAfter(Long.MAX_VALUE, LIMITS)).isEqualTo(Duration.ofSeconds(8));

        LoginThrottleProperties huge = new LoginThrottleProperties(3, 2, Duration.ofMillis(Long.MAX_VALUE / 2),
                Duration.ofMillis(Long.MAX_VALUE), Duration.ofMinutes(15));
        assertThat(LoginThrottle.delayAfter(4, huge)).isEqualTo(Duration.ofMillis(Long.MAX_VALUE));
    }

    /** A clock only this test moves. */
    private static final class MovableClock extends Clock {

        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.fixed(now, zone); // nothing here asks for another zone; a snapshot is an honest answer
        }
    }
}
