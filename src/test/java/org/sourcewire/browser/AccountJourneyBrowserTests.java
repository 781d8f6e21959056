package org.sourcewire.browser;

import java.util.List;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.sourcewire.accounts.CurrentUser;
import org.sourcewire.accounts.TestAccounts;
import org.sourcewire.mail.Mailbox;

import static org.assertj.core.api.Assertions.assertThat;

class AccountJourneyBrowserTests extends BrowserJourney {

    @Test
    void aJournalistSignsUpConfirmsByTheLinkInTheOutboxLogsOutAndBackIn() {
        String email = TestAccounts.uniqueEmail("maria");
        CurrentUser admin = accounts.admin();

        browser.visit("/");
        browser.screenshot("landing");
        browser.clickLink("I'm a journalist");
        assertThat(browser.heading()).isEqualTo("Create your Sourcewire account");
        browser.fillIn("Full name", "Maria Lopez")
                .fillIn("E-mail address", email)
                .fillIn("Password", "short")
                .fillIn("Outlet name", "The Daily Ledger")
                .fillIn("Outlet website", "ledger.example")
                .press("Create account");
        assertThat(browser.messageFor("Password")).contains("Use at least 10 characters.");
        assertThat(browser.messageFor("Outlet website")).contains("Enter a full web address");
        assertThat(browser.field("Full name").getAttribute("value")).isEqualTo("Maria Lopez");
        browser.screenshot("signup-errors");

        browser.fillIn("Password", "a long enough secret")
                .fillIn("Outlet website", "https://ledger.example")
                .press("Create account");
        // The same answer whether or not the address has an account: sign-up does not tell who is a member.
        assertThat(browser.path()).isEqualTo("/signup/check-email");
        assertThat(browser.heading()).isEqualTo("Check your e-mail");
        assertThat(browser.text()).contains("We sent a link to " + email);
        browser.screenshot("signup-check-email");

        // Not logged in by sign-up, nor before the address is confirmed (a log-in would tell if it was taken).
        browser.visit("/dashboard");
        assertThat(browser.path()).isEqualTo("/login");
        logIn(email, "a long enough secret");
        assertThat(browser.text()).contains("or the address is not confirmed yet");
        browser.clickLink("No confirmation e-mail?");
        assertThat(browser.heading()).isEqualTo("Get a new confirmation link");
        browser.fillIn("E-mail address", email).press("Send a new link");
        assertThat(browser.text()).contains("a new link is on its way");
        browser.screenshot("verify-email-new-link-sent");

        // An admin finds the verification mail in the outbox, but not its token: that would let any admin act as the
        // recipient. (Without an SMTP server, mail kept in the outbox shows its links whole, to get started.)
        logIn(admin.email(), TestAccounts.PASSWORD);
        browser.clickLink("Outbox");
        browser.fillIn("Recipient contains", email).press("Filter");
        browser.clickLink("Confirm your e-mail address for Sourcewire");
        assertThat(browser.links("/verify-email?token=")).as("a link without its token leads nowhere").isEmpty();
        assertThat(browser.text()).contains("The values in the links' addresses (after \"=\") are hidden here")
                .contains("/verify-email?token=…").doesNotContainPattern("token=[A-Za-z0-9_-]{8}");
        browser.screenshot("outbox-message");
        browser.press("Log out");

        // The newest mail's link; its links use the configured base URL and the test app runs on a random port.
        mailbox.deliver();
        List<MimeMessage> mails = mailbox.receivedBy(email);
        browser.visit(Mailbox.link(mails.get(mails.size() - 1), "/verify-email?token="));
        assertThat(browser.heading()).isEqualTo("Your e-mail address is confirmed");
        assertThat(browser.field("E-mail address").getAttribute("value")).isEqualTo(email);
        browser.screenshot("email-confirmed");
        browser.fillIn("Password", "a wrong password").press("Log in");
        assertThat(browser.text()).contains("That e-mail address and password don't match");
        logIn(email, "a long enough secret");
        assertThat(browser.path()).isEqualTo("/dashboard");
        assertThat(browser.text()).contains("Hello, Maria Lopez").contains("confirmed")
                .doesNotContain("Confirm your e-mail address to post queries");
        browser.screenshot("dashboard-confirmed");

        browser.press("Log out");
        browser.visit("/dashboard");
        assertThat(browser.path()).isEqualTo("/login");
    }

    @Test
    void theSignUpPageWorksOnAPhone() {
        browser.resize(375, 812);
        browser.visit("/signup?as=source");
        browser.screenshot("signup-phone");

        assertThat(browser.field("Outlet name").isDisplayed()).as("outlet fields are for journalists only").isFalse();
        browser.choose("A journalist");
        assertThat(browser.field("Outlet name").isDisplayed()).isTrue();
    }

}
