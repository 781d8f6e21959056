package org.sourcewire.shared;

import java.time.Clock;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
@EnableSchedulerLock(defaultLockAtMostFor = "10m")
class SharedConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** The one fetcher for addresses users give: public addresses only, with limits (see {@link SafeFetcher}). */
    @Bean
    SafeFetcher safeFetcher(FetchProperties fetch, SiteUrls urls) {
        return new SafeFetcher(new SafeFetcher.Settings(fetch.connectTimeout(), fetch.readTimeout(), fetch.deadline(),
                fetch.maxBytes(), fetch.maxRedirects(), "Sourcewire/1.0 (+" + urls.link("/") + ")", fetch.allowLoopback()));
    }

    /** Locks in the {@code shedlock} table, so a job scheduled on several instances runs on one at a time. */
    @Bean
    LockProvider lockProvider(DataSource dataSource) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .usingDbTime()
                .build());
    }

    /** Background jobs run unless {@code sourcewire.scheduling.enabled=false} (the tests drive them directly). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBooleanProperty(name = "sourcewire.scheduling.enabled", matchIfMissing = true)
    @EnableScheduling
    static class SchedulingConfiguration {
    }
}
