package org.sourcewire.shared;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;

import javax.sql.DataSource;

import jakarta.servlet.DispatcherType;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

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

    /**
     * Session attributes written with INSERT ... ON CONFLICT DO UPDATE: two requests of one session at once (a
     * double-clicked form, two tabs) both adding an attribute such as the flash map otherwise collide on the
     * attribute's primary key and one of them fails with a 500. Seen under load in the pitch benchmark.
     */
    @Bean
    PostgreSqlJdbcIndexedSessionRepositoryCustomizer postgreSqlSessionAttributes() {
        return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
    }

    /**
     * Spring Session's JDBC repository (made by Spring Boot, with the customizer above), wrapped so the last-access
     * time is written at most once a minute instead of on every request: one UPDATE less per page view.
     */
    @Bean
    static BeanPostProcessor throttledSessionRepository() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof JdbcIndexedSessionRepository sessions
                        ? new ThrottledSessionRepository(sessions, Duration.ofMinutes(1)) : bean;
            }
        };
    }

    /** A session is read without a transaction, and written in one (see {@link ThrottledSessionRepository}). */
    @Bean
    TransactionOperations springSessionTransactionOperations(PlatformTransactionManager transactionManager) {
        return new ThrottledSessionRepository.Transactions(transactionManager);
    }

    /**
     * The application's transaction template, declared here because Spring Boot makes its own only when there is no
     * other {@link TransactionOperations} bean, and the session's one above is such a bean.
     */
    @Bean
    TransactionTemplate transactionTemplate(PlatformTransactionManager transactionManager) {
        return new TransactionTemplate(transactionManager);
    }

    /** One database read of the session per request (see {@link ThrottledSessionRepository}). */
    @Bean
    FilterRegistrationBean<ThrottledSessionRepository.RequestScope> sessionReadOncePerRequest() {
        FilterRegistrationBean<ThrottledSessionRepository.RequestScope> registration =
                new FilterRegistrationBean<>(new ThrottledSessionRepository.RequestScope());
        registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
        registration.setDispatcherTypes(EnumSet.allOf(DispatcherType.class));
        return registration;
    }

    /** Background jobs run unless {@code sourcewire.scheduling.enabled=false} (the tests drive them directly). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBooleanProperty(name = "sourcewire.scheduling.enabled", matchIfMissing = true)
    @EnableScheduling
    static class SchedulingConfiguration {
    }
}
