package org.sourcewire.accounts;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import org.hibernate.validator.constraints.CompositionType;
import org.hibernate.validator.constraints.ConstraintComposition;

/**
 * An e-mail address with a dot in its domain ({@code name@example.com}): the rule of sign-up, for any form that takes
 * an address an account may come to have (another module's too). Blank passes: a missing address is
 * {@code @NotBlank}'s to report, so an empty field gets one message, not "enter" and "invalid" at once (Bean
 * Validation's {@code @Email} with a pattern refuses the empty text too).
 */
@ConstraintComposition(CompositionType.OR)
@Pattern(regexp = "\\s*")
@Email(regexp = ".+@[^@]+\\.[^@]+")
@ReportAsSingleViolation
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Constraint(validatedBy = {})
public @interface EmailAddress {

    /** The message's key in messages.properties. */
    String KEY = "accounts.rule.email-address";

    String message() default "{" + KEY + "}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
