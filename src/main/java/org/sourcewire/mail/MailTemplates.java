package org.sourcewire.mail;

import java.util.Map;

import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.templateresolver.SpringResourceTemplateResolver;
import org.thymeleaf.templatemode.TemplateMode;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/** Renders an e-mail's HTML ({@code <template>.html}) and plain-text ({@code <template>.txt}) bodies. */
@Component
class MailTemplates {

    private final ITemplateEngine engine;

    MailTemplates(ITemplateEngine engine) {
        this.engine = engine;
    }

    Rendered render(String template, Map<String, Object> model) {
        Context context = new Context();
        context.setVariables(model);
        return new Rendered(engine.process(template + ".txt", context), engine.process(template, context));
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
