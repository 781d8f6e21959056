package org.sourcewire;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * For a class whose requests come from loopback (a real browser, real HTTP), which cannot send from an address of its
 * own as MockMvc tests do ({@code TestAccounts.fromOwnAddress}): after each test, loopback's failed log-ins and mail
 * allowances are forgotten, so they never throttle another class. Forgetting only gives allowance back.
 */
public class ForgetLoopbackThrottling implements AfterEachCallback {

    @Override
    public void afterEach(ExtensionContext context) {
        JdbcClient jdbc = SpringExtension.getApplicationContext(context).getBean(JdbcClient.class);
        jdbc.sql("delete from login_failure where throttle_key ~ :shared")
                .param("shared", SharedStateGuard.SHARED_ADDRESSES).update();
        jdbc.sql("delete from mail_rate_limit where id ~ :shared").param("shared", SharedStateGuard.SHARED_ADDRESSES)
                .update();
    }
}
