package org.sourcewire.shared;

import org.junit.jupiter.api.Test;
import org.sourcewire.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.scheduling.annotation.ScheduledAnnotationBeanPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code sourcewire.scheduling.enabled=false} (the tests, a web-only instance) stops every {@code @Scheduled} job: no
 * library may switch scheduling on behind it (spring-modulith-moments did).
 */
class SchedulingSwitchTests extends IntegrationTest {

    @Autowired
    ApplicationContext context;

    @Test
    void withSchedulingSwitchedOffNoJobIsScheduled() {
        assertThat(context.getEnvironment().getProperty("sourcewire.scheduling.enabled")).isEqualTo("false");
        assertThat(context.getBeanNamesForType(ScheduledAnnotationBeanPostProcessor.class)).isEmpty();
    }
}
