/**
 * Outlets: the registry of outlets admins keep (name, type, domains confirmed or not), journalists' proposals of
 * outlets missing from it, and the outlet checks in each journalist's verification record (an e-mail address at a
 * confirmed domain, or an admin's confirmation with a note).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Outlets", allowedDependencies = { "shared", "accounts", "audit" })
package org.sourcewire.outlets;
