package org.sourcewire.infrastructure;

import java.io.Closeable;
import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.jdbc.DataSourceUnwrapper;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;

/**
 * With {@code sourcewire.datasource.replica.url}, read-only transactions of browsers' requests read from a streaming
 * replica and everything else goes to the primary: Spring's {@link LazyConnectionDataSourceProxy} takes a connection
 * only at the first statement, by then knowing whether the transaction is read-only. {@link ReadYourWrites} keeps a
 * browser that has just written on the primary. Without a replica none of this exists.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${sourcewire.datasource.replica.url:}'.isBlank()")
class ReplicaConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ReplicaConfiguration.class);

    @Bean
    ReadYourWrites readYourWrites(DatasourceProperties properties) {
        return new ReadYourWrites(properties.replica().readYourWrites());
    }

    /** Before the session and security filters, so their reads see the request's state as well. */
    @Bean
    FilterRegistrationBean<ReadYourWrites> readYourWritesFilter(ReadYourWrites readYourWrites) {
        FilterRegistrationBean<ReadYourWrites> registration = new FilterRegistrationBean<>(readYourWrites);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** Wraps Spring Boot's own pool (and its settings) rather than replacing it. */
    @Bean
    static BeanPostProcessor replicaRouting(ObjectProvider<DatasourceProperties> properties,
            ConfigurableListableBeanFactory beanFactory) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if ("dataSource".equals(beanName) && bean instanceof DataSource primary && !(bean instanceof Routing)) {
                    HikariDataSource replica = replicaPool(primary, properties.getObject().replica());
                    // Closed with the context in its own right: closing this wrapper was left to the bean's destroy
                    // method, and ReplicaTests found the replica's pool still open (and dialling) after the context.
                    ((DefaultListableBeanFactory) beanFactory).registerDisposableBean("replicaDataSource", replica::close);
                    return new Routing(primary, replica);
                }
                return bean;
            }
        };
    }

    private static HikariDataSource replicaPool(DataSource primary, DatasourceProperties.Replica replica) {
        HikariDataSource pool = new HikariDataSource();
        pool.setPoolName("replica");
        pool.setJdbcUrl(replica.url());
        pool.setReadOnly(true);
        HikariDataSource primaryPool = DataSourceUnwrapper.unwrap(primary, HikariDataSource.class);
        if (primaryPool != null) {
            pool.setMaximumPoolSize(primaryPool.getMaximumPoolSize());
        }
        if (!replica.username().isBlank()) {
            pool.setUsername(replica.username());
            pool.setPassword(replica.password());
        }
        else if (primaryPool != null) {
            pool.setUsername(primaryPool.getUsername());
            pool.setPassword(primaryPool.getPassword());
        }
        log.info("Read-only work of requests goes to the replica {}", replica.url());
        return pool;
    }

    /** The app's DataSource: the primary, or the replica for a read-only transaction that may use it. */
    static final class Routing extends LazyConnectionDataSourceProxy implements Closeable {

        private final DataSource primary;
        private final HikariDataSource replica;

        Routing(DataSource primary, HikariDataSource replica) {
            super(primary);
            this.primary = primary;
            this.replica = replica;
            setReadOnlyDataSource(new DelegatingDataSource(replica) {
                @Override
                public Connection getConnection() throws SQLException {
                    return ReadYourWrites.replicaAllowed() ? replica.getConnection() : primary.getConnection();
                }
            });
            afterPropertiesSet();
        }

        HikariDataSource replica() {
            return replica;
        }

        @Override
        public void close() {
            replica.close();
            if (primary instanceof Closeable closeable) {
                try {
                    closeable.close();
                }
                catch (java.io.IOException ex) {
                    log.warn("Could not close the primary's pool", ex);
                }
            }
        }
    }
}
