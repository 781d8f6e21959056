package org.sourcewire.screening;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

@Configuration(proxyBeanMethods = false)
class ScreeningConfiguration {

    static final String EXECUTOR = "screeningExecutor";

    /**
     * Screening's threads (default 2): pitches waiting to be screened queue here, so a burst of them takes at most
     * this many cores from the pages. What is queued when the app stops is screened after the restart (the event
     * publication registry republishes it).
     */
    @Bean(EXECUTOR)
    ThreadPoolTaskExecutor screeningExecutor(@Value("${sourcewire.screening.threads:2}") int threads) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setThreadNamePrefix("screening-");
        executor.setCorePoolSize(threads);
        executor.setMaxPoolSize(threads);
        executor.setWaitForTasksToCompleteOnShutdown(false);
        return executor;
    }
}
