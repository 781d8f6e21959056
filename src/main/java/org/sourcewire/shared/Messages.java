package org.sourcewire.shared;

import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The words of {@code messages.properties} for Java code: flash messages after a redirect, refusals shown outside a
 * form, texts built for a page. Keys follow the templates' naming, {@code <module>.<purpose>.<detail>}.
 */
@Component
public class Messages {

    private final MessageSource source;

    Messages(MessageSource source) {
        this.source = source;
    }

    public String text(String code, Object... arguments) {
        return source.getMessage(code, arguments, LocaleContextHolder.getLocale());
    }

    public String text(MessageSourceResolvable resolvable) {
        return source.getMessage(resolvable, LocaleContextHolder.getLocale());
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
