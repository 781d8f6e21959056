/**
 * Infrastructure every module may use: the clock, the embedded database, signed links, site URLs and
 * job locking.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Shared", allowedDependencies = {})
package org.sourcewire.shared;
