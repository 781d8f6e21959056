package org.sourcewire.browser;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.sourcewire.accounts.TestAccounts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

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

    /** Closes the browser; the journey fails if axe-core found serious or critical problems on its pages. */
    @AfterEach
    void closeBrowser() {
        if (browser == null) {
            return;
        }
        List<String> problems = browser.accessibilityProblems();
        browser.close();
        assertThat(problems).as("serious or critical accessibility violations").isEmpty();
    }

    void logIn(String email) {
        logIn(email, TestAccounts.PASSWORD);
    }

    void logIn(String email, String password) {
        browser.visit("/login").fillIn("E-mail", email).fillIn("Password", password).press("Log in");
    }
}
