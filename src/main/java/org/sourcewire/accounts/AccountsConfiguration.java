package org.sourcewire.accounts;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import javax.sql.DataSource;

import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

@Configuration(proxyBeanMethods = false)
class AccountsConfiguration {

    /**
     * bcrypt at {@code sourcewire.accounts.password-hash-rounds} (10, Spring Security's default), with the {id} prefix
     * so the algorithm can be changed later without locking anyone out. A stored hash carries its own cost, so a
     * hash made at another cost still matches.
     */
    @Bean
    PasswordEncoder passwordEncoder(AccountsProperties properties) {
        return new DelegatingPasswordEncoder("bcrypt",
                Map.of("bcrypt", new BCryptPasswordEncoder(properties.passwordHashRounds())));
    }

    /**
     * The token buckets of {@link MailRateLimits} in the {@code mail_rate_limit} table (Flyway's V16), locked with
     * SELECT ... FOR UPDATE. Time comes from the application's clock; a bucket's row may be deleted a minute after it
     * is full again ({@link MailRateLimitCleanup}).
     */
    @Bean
    PostgreSQLSelectForUpdateBasedProxyManager<String> mailRateLimitBuckets(DataSource dataSource, Clock clock) {
        return Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("mail_rate_limit")
                .clientClock(new TimeMeter() {
                    @Override
                    public long currentTimeNanos() {
                        return clock.millis() * 1_000_000;
                    }

                    @Override
                    public boolean isWallClockBased() {
                        return true;
                    }
                })
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
                .build();
    }
}
