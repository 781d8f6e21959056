/**
 * Accounts: sign-up as journalist or source, e-mail verification, log-in with throttling, password reset and
 * change, the first admin and the demo accounts.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Accounts", allowedDependencies = { "shared", "mail", "audit" })
package org.sourcewire.accounts;
