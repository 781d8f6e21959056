package org.sourcewire.accounts;

import java.util.UUID;

import org.springframework.stereotype.Component;

/** Journalists whose e-mail is at their outlet's domain, so they have the "verified outlet" badge. */
@Component
public class TestJournalists {

    private final TestAccounts accounts;

    TestJournalists(TestAccounts accounts) {
        this.accounts = accounts;
    }

    public CurrentUser withVerifiedOutlet() {
        return accounts.create(new SignUp("Vera Verified", "vera-" + UUID.randomUUID().toString().substring(0, 8)
                + "@ledger.example", TestAccounts.PASSWORD, Role.JOURNALIST, "The Daily Ledger", "https://ledger.example"), true);
    }
}
