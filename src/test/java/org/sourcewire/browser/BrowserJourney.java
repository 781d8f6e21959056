package org.sourcewire.browser;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.sourcewire.accounts.TestAccounts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What every browser journey needs: the running app's port, test accounts, a fresh Chromium, and log-in. */
abstract class BrowserJourney {

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    Browser browser;

    @BeforeEach
    void openBrowser() {
        browser = Browser.open(port);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    void logIn(String email) {
        logIn(email, TestAccounts.PASSWORD);
    }

    void logIn(String email, String password) {
        browser.visit("/login").fillIn("E-mail", email).fillIn("Password", password).press("Log in");
    }
}
