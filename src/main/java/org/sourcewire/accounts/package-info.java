/**
 * Accounts: sign-up as journalist or source, e-mail verification, log-in with throttling, password reset and
 * change, the first admin and the demo accounts.
 * <p>
 * Persistence: an account is written only through its JPA entity ({@code Account} owns each change: verify, change
 * password, suspend, restore), locked first where two requests could race. The hot reads (every page names its
 * viewer) are SQL straight into {@link org.sourcewire.accounts.AccountView} records, cheaper than loading entities.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Accounts",
        allowedDependencies = { "shared", "infrastructure", "mail", "audit" })
package org.sourcewire.accounts;
