/**
 * Placements: whether a used pitch became a published quote and a link, read from the article itself.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Placements")
package org.sourcewire.placements;
