/** The site's frame: security rules, layout, landing page, dashboard and error pages. */
@org.springframework.modulith.ApplicationModule(displayName = "Web", allowedDependencies = { "shared", "accounts" })
package org.sourcewire.web;
