package org.sourcewire;

import javax.sql.DataSource;

import net.ttddyy.dsproxy.QueryCountHolder;
import net.ttddyy.dsproxy.support.ProxyDataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;

import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Counts the SQL statements run on the current thread (datasource-proxy), so a test can show that a page costs a
 * fixed number of queries however many rows it shows: {@code SqlStatements.reset()}, request, {@code count()}.
 */
public final class SqlStatements implements BeanPostProcessor {

    public static void reset() {
        QueryCountHolder.clear();
    }

    public static long count() {
        return QueryCountHolder.getGrandTotal().getTotal();
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource && !(bean instanceof ProxyDataSource)) {
            return ProxyDataSourceBuilder.create(beanName, dataSource).countQuery().build();
        }
        return bean;
    }
}
