/**
 * Outlets: the registry of outlets admins keep (name, type, domains confirmed or not), journalists' proposals of
 * outlets missing from it, and the outlet checks in each journalist's verification record (an e-mail address at a
 * confirmed domain, or an admin's confirmation with a note).
 * <p>
 * Persistence: plain SQL: outlets, domains and proposals are rows without behaviour of their own.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Outlets", allowedDependencies = { "shared", "accounts", "audit" })
package org.sourcewire.outlets;
