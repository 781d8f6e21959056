package org.sourcewire;

import javax.sql.DataSource;

import net.ttddyy.dsproxy.QueryCountHolder;
import net.ttddyy.dsproxy.support.ProxyDataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;

import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Counts the SQL statements run on the current thread (datasource-proxy), so a test can show that a page costs a
 * fixed number of queries however many rows it shows: {@code SqlStatements.reset()}, request, {@code count()}. It
 * also counts the transactions committed on the thread ({@link #transactions()}).
 */
public final class SqlStatements implements BeanPostProcessor {

    private static final ThreadLocal<int[]> COMMITS = ThreadLocal.withInitial(() -> new int[1]);

    public static void reset() {
        QueryCountHolder.clear();
        COMMITS.get()[0] = 0;
    }

    public static long count() {
        return QueryCountHolder.getGrandTotal().getTotal();
    }

    /** Transactions committed on this thread since {@link #reset()} (autocommit statements are not counted). */
    public static int transactions() {
        return COMMITS.get()[0];
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource && !(bean instanceof ProxyDataSource)) {
            return ProxyDataSourceBuilder.create(beanName, dataSource).countQuery()
                    .afterMethod(call -> {
                        if (call.getMethod().getName().equals("commit")) {
                            COMMITS.get()[0]++;
                        }
                    })
                    .build();
        }
        return bean;
    }
}
