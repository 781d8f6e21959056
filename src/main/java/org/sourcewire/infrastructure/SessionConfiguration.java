package org.sourcewire.infrastructure;

import java.time.Duration;
import java.util.EnumSet;

import jakarta.servlet.DispatcherType;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Spring Session on the app's PostgreSQL, with fewer writes and reads per request than it makes by itself
 * ({@link ThrottledSessionRepository}).
 */
@Configuration(proxyBeanMethods = false)
class SessionConfiguration {

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
}
