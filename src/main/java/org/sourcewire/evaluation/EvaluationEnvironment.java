package org.sourcewire.evaluation;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * When the application is started to evaluate screening ({@value #FILE}), it runs on a throwaway embedded PostgreSQL
 * (whatever {@code SPRING_DATASOURCE_URL} says: an evaluation never touches a real database), on a free port of
 * loopback only, without background jobs (so no mail is sent) or demo data, and with quiet logs.
 */
class EvaluationEnvironment implements EnvironmentPostProcessor, Ordered {

    static final String FILE = "sourcewire.screening.evaluate";
    static final String OUTPUT = "sourcewire.screening.evaluate-output";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.containsProperty(FILE)) {
            return;
        }
        environment.getPropertySources().addFirst(new MapPropertySource("screening-evaluation", Map.ofEntries(
                Map.entry("spring.datasource.url", ""),
                Map.entry("spring.datasource.username", ""),
                Map.entry("spring.datasource.password", ""),
                Map.entry("sourcewire.embedded-postgres.data-directory", ""),
                Map.entry("sourcewire.embedded-postgres.durable", "false"),
                // The whole application, as in production, but serving only this machine on a free port.
                Map.entry("server.port", "0"),
                Map.entry("server.address", "127.0.0.1"),
                Map.entry("spring.main.banner-mode", "off"),
                Map.entry("sourcewire.scheduling.enabled", "false"),
                Map.entry("sourcewire.demo-data", "off"),
                Map.entry("sourcewire.admin.email", ""),
                Map.entry("logging.level.root", "warn"),
                Map.entry("logging.level.org.sourcewire.evaluation", "info"))));
    }

    @Override
    public int getOrder() {
        // After the configuration files are read, so these win over them.
        return Ordered.LOWEST_PRECEDENCE;
    }
}
