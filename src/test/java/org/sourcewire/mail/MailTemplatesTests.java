package org.sourcewire.mail;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templateresolver.StringTemplateResolver;

import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.test.util.ReflectionTestUtils;

import static org.assertj.core.api.Assertions.assertThat;

/** The render pool on its own, without the app: a template engine whose templates are the strings given. */
class MailTemplatesTests {

    /** Prints the name of the thread that renders it. */
    private static final Object THREAD = new Object() {
        @Override
        public String toString() {
            return Thread.currentThread().getName();
        }
    };

    @Test
    void aBatchRendersOnNamedThreadsStartedOnFirstUseAndStoppedWithTheBean() {
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(new StringTemplateResolver());
        MailTemplates templates = new MailTemplates(engine, new org.springframework.context.support.StaticMessageSource(), new MailProperties("from@example.org", 2, null), java.util.Locale.ENGLISH);
        ThreadPoolTaskExecutor pool = (ThreadPoolTaskExecutor) ReflectionTestUtils.getField(templates, "pool");
        assertThat(pool.getPoolSize()).as("threads before anything is rendered").isZero();

        List<MailTemplates.Rendered> rendered = templates.renderAll(List.of(email(), email(), email()));

        assertThat(rendered).hasSize(3).allSatisfy(mail -> {
            assertThat(mail.html()).matches("mail-render-[12]");
            assertThat(mail.text()).matches("mail-render-[12]\\.txt");
        });
        templates.stop();
        assertThat(pool.getThreadPoolExecutor().isShutdown()).isTrue();
    }

    private static Email email() {
        // With string templates the template's name is its text: the text body's is "[(${thread})].txt".
        return new Email("someone@example.org", new DefaultMessageSourceResolvable(null, null, "Hello"), "[(${thread})]", Map.of("thread", THREAD));
    }
}
