package org.sourcewire.shared;

import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The words of {@code messages.properties} for Java code: flash messages after a redirect, refusals shown outside a
 * form, texts built for a page. Keys follow the templates' naming, {@code <module>.<purpose>.<detail>}. A request's
 * words are in its locale ({@code spring.web.locale}, fixed to English today); words written outside a request (a job,
 * an event listener) are in that configured locale too, not the JVM's.
 */
@Component
public class Messages {

    private final MessageSource source;

    private final Locale outsideRequests;

    Messages(MessageSource source, @Value("${spring.web.locale:en}") Locale outsideRequests) {
        this.source = source;
        this.outsideRequests = outsideRequests;
    }

    public String text(String code, Object... arguments) {
        return source.getMessage(code, arguments, locale());
    }

    public String text(MessageSourceResolvable resolvable) {
        return source.getMessage(resolvable, locale());
    }

    private Locale locale() {
        LocaleContext request = LocaleContextHolder.getLocaleContext();
        return request != null && request.getLocale() != null ? request.getLocale() : outsideRequests;
    }

    /** The green notice on the page a redirect lands on. */
    public void success(RedirectAttributes redirect, String code, Object... arguments) {
        redirect.addFlashAttribute("success", text(code, arguments));
    }

    /** The red notice on the page a redirect lands on. */
    public void error(RedirectAttributes redirect, String code, Object... arguments) {
        redirect.addFlashAttribute("error", text(code, arguments));
    }

    /** A refusal shown as the red notice on the page a redirect lands on. */
    public void error(RedirectAttributes redirect, MessageSourceResolvable refusal) {
        redirect.addFlashAttribute("error", text(refusal));
    }
}
