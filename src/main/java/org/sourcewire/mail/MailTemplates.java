package org.sourcewire.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import jakarta.annotation.PreDestroy;

import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.templateresolver.SpringResourceTemplateResolver;
import org.thymeleaf.templatemode.TemplateMode;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.task.ThreadPoolTaskExecutorBuilder;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

/** Renders an e-mail's HTML ({@code <template>.html}) and plain-text ({@code <template>.txt}) bodies. */
@Component
class MailTemplates {

    private final ITemplateEngine engine;
    private final MessageSource messages;
    /** Mail is written in the app's language ({@code spring.web.locale}), not the JVM's. */
    private final Locale locale;
    private final int renderThreads;
    private final ThreadPoolTaskExecutor pool;

    MailTemplates(ITemplateEngine engine, MessageSource messages, MailProperties properties,
            @Value("${spring.web.locale:en}") Locale locale) {
        this.engine = engine;
        this.messages = messages;
        this.locale = locale;
        this.renderThreads = properties.renderThreads() > 0 ? properties.renderThreads()
                : Runtime.getRuntime().availableProcessors();
        // Threads start as work arrives (most instances never render a digest edition) and end when idle, named
        // mail-render-1, -2... A pool of its own, not Boot's builder bean: spring.task.execution.* tunes the @Async
        // pool of module events, and a bounded queue there must not refuse an edition's rendering.
        this.pool = new ThreadPoolTaskExecutorBuilder().corePoolSize(renderThreads).maxPoolSize(renderThreads)
                .allowCoreThreadTimeOut(true).threadNamePrefix("mail-render-").build();
        this.pool.initialize();
    }

    /**
     * Renders many e-mails on a small fixed pool ({@code sourcewire.mail.render-threads}): rendering is the CPU
     * side of a digest edition, and the pool bounds how much of the machine it takes.
     */
    List<Rendered> renderAll(List<Email> emails) {
        if (emails.size() < 2 || renderThreads <= 1) {
            return emails.stream().map(email -> render(email.template(), email.model())).toList();
        }
        int chunk = (emails.size() + renderThreads - 1) / renderThreads;
        List<Future<List<Rendered>>> parts = new ArrayList<>();
        for (int from = 0; from < emails.size(); from += chunk) {
            List<Email> slice = emails.subList(from, Math.min(emails.size(), from + chunk));
            parts.add(pool.submit(() -> slice.stream().map(email -> render(email.template(), email.model())).toList()));
        }
        List<Rendered> rendered = new ArrayList<>(emails.size());
        try {
            for (Future<List<Rendered>> part : parts) {
                rendered.addAll(part.get());
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while rendering e-mails", ex);
        }
        catch (ExecutionException ex) {
            if (ex.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(ex.getCause());
        }
        return rendered;
    }

    @PreDestroy
    void stop() {
        pool.destroy();
    }

    Rendered render(String template, Map<String, Object> model) {
        Context context = new Context(locale);
        context.setVariables(model);
        return new Rendered(engine.process(template + ".txt", context), engine.process(template, context));
    }

    /** The subject line, in the bodies' locale. */
    String subject(MessageSourceResolvable subject) {
        return messages.getMessage(subject, locale);
    }

    record Rendered(String text, String html) {
    }

    @Configuration(proxyBeanMethods = false)
    static class TextTemplateConfiguration {

        /** Resolves {@code *.txt} templates in TEXT mode beside Boot's HTML resolver. */
        @Bean
        SpringResourceTemplateResolver textTemplateResolver() {
            SpringResourceTemplateResolver resolver = new SpringResourceTemplateResolver();
            resolver.setPrefix("classpath:/templates/");
            resolver.setSuffix("");
            resolver.setResolvablePatterns(java.util.Set.of("*.txt"));
            resolver.setTemplateMode(TemplateMode.TEXT);
            resolver.setCharacterEncoding("UTF-8");
            resolver.setCheckExistence(true);
            resolver.setOrder(0);
            return resolver;
        }
    }
}
