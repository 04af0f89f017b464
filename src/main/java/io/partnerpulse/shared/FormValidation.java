package io.partnerpulse.shared;

import java.lang.reflect.RecordComponent;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.SmartValidator;
import org.springframework.validation.Validator;

/**
 * Every bad field of a page's form named at once. When a value is of the wrong type (letters in a
 * cost), Spring validates none of the form's other fields, so a blank name was named only on the
 * next submit. This validates what did bind, as a form without binding errors is validated: the
 * record Spring made with the failed field empty, or, when it made none, each other field's value.
 */
@Component
public class FormValidation {

    private final Validator validator;

    FormValidation(@Qualifier("mvcValidator") Validator validator) {
        this.validator = validator;
    }

    /** {@code errors}, with the constraints of the fields of {@code form} that bound but were not validated. */
    public BindingResult completed(BindingResult errors, Class<? extends Record> form) {
        if (errors.getFieldErrors().stream().noneMatch(FieldError::isBindingFailure)) {
            return errors;
        }
        if (errors.getTarget() != null) {
            BeanPropertyBindingResult validated = new BeanPropertyBindingResult(errors.getTarget(), errors.getObjectName());
            validator.validate(errors.getTarget(), validated);
            validated.getFieldErrors().stream().filter(e -> !errors.hasFieldErrors(e.getField())).forEach(errors::addError);
        } else if (validator instanceof SmartValidator smart) {
            jakarta.validation.Validator values = smart.unwrap(jakarta.validation.Validator.class);
            for (RecordComponent component : form.getRecordComponents()) {
                String field = component.getName();
                if (errors.hasFieldErrors(field)) {
                    continue;
                }
                Object value = errors.getFieldValue(field);
                // the first broken constraint, said in the page's language (Spring's message interpolation)
                values.validateValue(form, field, value).stream().findFirst().ifPresent(violation ->
                        errors.addError(new FieldError(errors.getObjectName(), field, value, false, null, null, violation.getMessage())));
            }
        }
        return errors;
    }
}
