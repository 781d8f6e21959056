package org.sourcewire.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.URI;
import java.net.URISyntaxException;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** An absolute http(s) address with a real host name, like {@code https://example.com/about}. Blank is allowed. */
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Constraint(validatedBy = WebAddress.Validator.class)
public @interface WebAddress {

    /** Its key of messages.properties, named apart so the check that every key Java names is in the bundle sees it. */
    String KEY = "shared.rule.web-address";

    String message() default "{" + KEY + "}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<WebAddress, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || value.isBlank() || isWebAddress(value.strip());
        }

        public static boolean isWebAddress(String value) {
            try {
                URI uri = new URI(value);
                String scheme = uri.getScheme();
                String host = uri.getHost();
                return scheme != null && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                        && host != null && host.contains(".") && !host.startsWith(".") && !host.endsWith(".");
            }
            catch (URISyntaxException ex) {
                return false;
            }
        }
    }
}
