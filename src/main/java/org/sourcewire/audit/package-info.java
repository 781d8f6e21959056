/** The audit log of admin and moderation actions, and its admin page. */
@org.springframework.modulith.ApplicationModule(displayName = "Audit", allowedDependencies = "shared")
package org.sourcewire.audit;
