package org.sourcewire.shared;

import java.util.Arrays;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.validation.Errors;

/**
 * A business rule refused an action. It names the form field it belongs to (or none) and a message key of
 * {@code messages.properties} with its arguments; {@link Messages} or a form's errors turn it into words.
 */
public class RuleException extends RuntimeException implements MessageSourceResolvable {

    private final String field;

    private final String code;

    private final Object[] arguments;

    public RuleException(String field, String code, Object... arguments) {
        super(code + (arguments.length == 0 ? "" : " " + Arrays.toString(arguments)));
        this.field = field;
        this.code = code;
        this.arguments = arguments.clone();
    }

    public String field() {
        return field;
    }

    @Override
    public String[] getCodes() {
        return new String[] { code };
    }

    @Override
    public Object[] getArguments() {
        return arguments.clone();
    }

    /** None: every refusal's words are in the bundle ({@code TemplateMessagesTests} checks the keys). */
    @Override
    public String getDefaultMessage() {
        return null;
    }

    /** Shows the refusal on a form: beside its field, or above the form when it names none. */
    public void rejectIn(Errors errors) {
        if (field == null) {
            errors.reject(code, arguments, getDefaultMessage());
        }
        else {
            rejectIn(errors, field);
        }
    }

    /** Shows the refusal beside the given field, whichever field it names itself. */
    public void rejectIn(Errors errors, String field) {
        errors.rejectValue(field, code, arguments, getDefaultMessage());
    }
}
