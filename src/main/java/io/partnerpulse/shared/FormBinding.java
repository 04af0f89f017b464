package io.partnerpulse.shared;

import org.springframework.beans.PropertyAccessException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.util.ObjectUtils;
import org.springframework.util.StringUtils;
import org.springframework.validation.BindingResult;
import org.springframework.validation.DefaultBindingErrorProcessor;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * A form field whose text is not of its type (letters in an amount, a date that is no date) is named
 * beside the field in the page's language ({@code typeMismatch} in the messages), not with Spring's
 * "Failed to convert property value..." nor an English sentence on an Urdu page.
 */
@ControllerAdvice(annotations = Controller.class)
class FormBinding {

    static final String WRONG_TYPE = "has a value of the wrong type or format";

    private final MessageSource messages;

    FormBinding(MessageSource messages) {
        this.messages = messages;
    }

    @InitBinder
    void bindingErrors(WebDataBinder binder) {
        binder.setBindingErrorProcessor(new DefaultBindingErrorProcessor() {
            /** As Spring's own, with a message a person can read in their language. */
            @Override
            public void processPropertyAccessException(PropertyAccessException ex, BindingResult result) {
                String field = ex.getPropertyName();
                Object rejected = ex.getValue();
                if (ObjectUtils.isArray(rejected)) {
                    rejected = StringUtils.arrayToCommaDelimitedString(ObjectUtils.toObjectArray(rejected));
                }
                FieldError error = new FieldError(result.getObjectName(), field, rejected, true,
                        result.resolveMessageCodes(ex.getErrorCode(), field), getArgumentsForBindError(result.getObjectName(), field),
                        messages.getMessage("typeMismatch", null, WRONG_TYPE, LocaleContextHolder.getLocale()));
                error.wrap(ex);
                result.addError(error);
            }
        });
    }
}
