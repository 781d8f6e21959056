package org.sourcewire.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a controller's {@code ZoneId} parameter: the zone the viewer's dates are shown in (the profile's, else the
 * browser's, else UTC), for defaults such as a new form's zone; on an {@code Optional<ZoneId>}, empty instead of UTC
 * when neither the account nor the browser said. The web module resolves it, from the same rule the
 * pages' dates follow.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ViewerZone {
}
