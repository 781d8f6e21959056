package org.sourcewire.accounts;

import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sourcewire.shared.DemoData;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Creates the first admin from {@code SOURCEWIRE_ADMIN_EMAIL} / {@code SOURCEWIRE_ADMIN_PASSWORD}; or, on the
 * embedded database with no admin configured, loads demo accounts and prints their log-ins.
 */
@Component
@org.springframework.core.annotation.Order(0)
class AccountBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AccountBootstrap.class);

    static final String DEMO_PASSWORD = "demo-pass-2026";

    static final List<SignUp> DEMO_ACCOUNTS = List.of(
            new SignUp("Ada Admin", "admin@sourcewire.example", DEMO_PASSWORD, Role.ADMIN, null, null),
            new SignUp("Maria Lopez", "maria@ledger.example", DEMO_PASSWORD, Role.JOURNALIST, "The Daily Ledger",
                    "https://ledger.example"),
            new SignUp("Tom Becker", "tom.becker@freelance.example", DEMO_PASSWORD, Role.JOURNALIST,
                    "Freelance (Wired, The Verge)", "https://tombecker.example"),
            new SignUp("Dr. Priya Nair", "priya@sleepclinic.example", DEMO_PASSWORD, Role.SOURCE, null, null),
            new SignUp("James Okafor", "james@okafor-cfo.example", DEMO_PASSWORD, Role.SOURCE, null, null),
            // Runs the demo agency (teams.DemoTeams), which manages Priya's and James's profiles.
            new SignUp("Jane Roe", "jane@acme-pr.example", DEMO_PASSWORD, Role.SOURCE, null, null));

    private final AccountManagement accounts;
    private final Environment environment;
    private final String adminEmail;
    private final String adminPassword;
    private final String demoData;

    AccountBootstrap(AccountManagement accounts, Environment environment,
            @Value("${sourcewire.admin.email:}") String adminEmail,
            @Value("${sourcewire.admin.password:}") String adminPassword,
            @Value("${sourcewire.demo-data:auto}") String demoData) {
        this.accounts = accounts;
        this.environment = environment;
        this.adminEmail = adminEmail;
        this.adminPassword = adminPassword;
        this.demoData = demoData;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!adminEmail.isBlank()) {
            if (adminPassword.isBlank() || PasswordPolicy.problem(adminPassword, adminEmail).isPresent()) {
                throw new IllegalStateException("SOURCEWIRE_ADMIN_EMAIL is set but SOURCEWIRE_ADMIN_PASSWORD is missing or "
                        + "too weak (at least " + PasswordPolicy.MIN_LENGTH + " characters, not a common password).");
            }
            accounts.ensureAdmin(adminEmail.strip(), adminPassword, "Admin");
        }
        if (loadDemoData()) {
            DEMO_ACCOUNTS.forEach(accounts::createVerified);
            StringBuilder logins = new StringBuilder("""

                    ==================================================================
                     Sourcewire demo data is loaded (accounts, topics, queries).
                     Open http://localhost:%s and log in as:
                    """.formatted(environment.getProperty("local.server.port", "8080")));
            DEMO_ACCOUNTS.forEach(account -> logins.append("   %-11s %-30s password: %s%n"
                    .formatted(logName(account.role()), account.email(), account.password())));
            logins.append("""
                     Mail is not sent without SMTP: read it in the log or at Admin > Outbox.
                    ==================================================================""");
            log.info(logins.toString());
        }
    }

    /** "Journalist": a role as the log names it (the log is in English; pages take the name from the bundle). */
    private static String logName(Role role) {
        return role.name().charAt(0) + role.name().substring(1).toLowerCase(Locale.ROOT);
    }

    private boolean loadDemoData() {
        return DemoData.enabled(demoData, adminEmail, environment);
    }
}
