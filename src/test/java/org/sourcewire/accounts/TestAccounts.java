package org.sourcewire.accounts;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.stereotype.Component;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Creates accounts for tests, each with a fresh address, and logs them in for MockMvc requests. */
@Component
public class TestAccounts {

    public static final String PASSWORD = "correct horse battery";

    private static final AtomicInteger addresses = new AtomicInteger();

    private final AccountManagement accounts;
    private final SignUps signUps;
    private final JdbcClient jdbc;

    TestAccounts(AccountManagement accounts, SignUps signUps, JdbcClient jdbc) {
        this.accounts = accounts;
        this.signUps = signUps;
        this.jdbc = jdbc;
    }

    public static String uniqueEmail(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    /** A client address of its own, so one test's failed log-ins never throttle another's. */
    public static RequestPostProcessor fromOwnAddress() {
        int n = addresses.incrementAndGet();
        String address = "10.%d.%d.%d".formatted((n >> 16) & 255, (n >> 8) & 255, n & 255);
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    public CurrentUser journalist() {
        return create(new SignUp("Jane Journalist", uniqueEmail("journalist"), PASSWORD, Role.JOURNALIST, "The Ledger",
                "https://ledger.example"), true);
    }

    public CurrentUser source() {
        return create(new SignUp("Sam Source", uniqueEmail("source"), PASSWORD, Role.SOURCE, null, null), true);
    }

    /** A confirmed source with this name and e-mail address. */
    public CurrentUser source(String name, String email) {
        return create(new SignUp(name, email, PASSWORD, Role.SOURCE, null, null), true);
    }

    public CurrentUser unverifiedSource() {
        return create(new SignUp("Una Verified", uniqueEmail("unverified"), PASSWORD, Role.SOURCE, null, null), false);
    }

    public CurrentUser admin() {
        return create(new SignUp("Ada Admin", uniqueEmail("admin"), PASSWORD, Role.ADMIN, null, null), true);
    }

    public CurrentUser create(SignUp signUp, boolean verified) {
        if (verified) {
            accounts.createVerified(signUp);
        }
        else {
            signUps.signUp(signUp);
        }
        long id = jdbc.sql("select id from account where email = :email").param("email", signUp.email())
                .query(Long.class).single();
        return accounts.currentUser(id);
    }

    public void suspend(CurrentUser user) {
        jdbc.sql("update account set suspended_at = now() where id = :id").param("id", user.id()).update();
    }

    public static RequestPostProcessor as(CurrentUser user) {
        return SecurityMockMvcRequestPostProcessors.user(user);
    }
}
