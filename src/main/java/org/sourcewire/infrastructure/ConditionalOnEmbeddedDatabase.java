package org.sourcewire.infrastructure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/** Matches when no {@code spring.datasource.url} is configured, so Sourcewire runs its own embedded PostgreSQL. */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Conditional(ConditionalOnEmbeddedDatabase.OnEmbeddedDatabase.class)
public @interface ConditionalOnEmbeddedDatabase {

    class OnEmbeddedDatabase implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return matches(context.getEnvironment());
        }

        public static boolean matches(org.springframework.core.env.Environment environment) {
            return !StringUtils.hasText(environment.getProperty("spring.datasource.url"));
        }
    }
}
