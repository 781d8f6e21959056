/**
 * The audit log of admin and moderation actions, and its admin page.
 * <p>
 * Persistence: plain SQL inserts and reads; an entry is never changed.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit", allowedDependencies = "shared")
package org.sourcewire.audit;
