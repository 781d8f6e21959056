package org.sourcewire.accounts;

import java.util.UUID;

import org.springframework.stereotype.Component;

/** Journalists whose e-mail is at a confirmed domain of a registered outlet, so they have the "verified outlet" badge. */
@Component
public class TestJournalists {

    private final TestAccounts accounts;
    private final org.sourcewire.outlets.TestOutlets outlets;

    TestJournalists(TestAccounts accounts, org.sourcewire.outlets.TestOutlets outlets) {
        this.accounts = accounts;
        this.outlets = outlets;
    }

    public CurrentUser withVerifiedOutlet() {
        outlets.ledger();
        return accounts.create(new SignUp("Vera Verified", "vera-" + UUID.randomUUID().toString().substring(0, 8)
                + "@ledger.example", TestAccounts.PASSWORD, Role.JOURNALIST, "The Daily Ledger", "https://ledger.example"), true);
    }
}
