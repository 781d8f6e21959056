package org.sourcewire.shared;

import org.sourcewire.infrastructure.ConditionalOnEmbeddedDatabase;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Whether to load demo data: {@code sourcewire.demo-data=auto} (the default) loads it on the embedded database
 * when no admin is configured; {@code on} and {@code off} force it.
 */
@Component
public class DemoData {

    private final boolean enabled;

    DemoData(Environment environment) {
        this.enabled = enabled(environment);
    }

    public boolean enabled() {
        return enabled;
    }

    private static boolean enabled(Environment environment) {
        return enabled(environment.getProperty("sourcewire.demo-data", "auto"),
                environment.getProperty("sourcewire.admin.email", ""), environment);
    }

    public static boolean enabled(String setting, String adminEmail, Environment environment) {
        return switch (setting) {
            case "on", "true" -> true;
            case "auto" -> adminEmail.isBlank() && ConditionalOnEmbeddedDatabase.OnEmbeddedDatabase.matches(environment);
            default -> false;
        };
    }
}
