package io.partnerpulse.shared;

import java.lang.reflect.RecordComponent;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

/**
 * Every bad field of a page's form named at once. When a value is of the wrong type (letters in a
 * cost), Spring validates none of the form's other fields, so a blank name was named only on the
 * next submit. This validates what did bind, as a form without binding errors is validated: the
 * record Spring made with the failed field empty, or, when it made none, each other field's value.
 * The application's bean validator says the messages in the page's language.
 */
@Component
public class FormValidation {

    private final Validator validator;

    FormValidation(Validator validator) {
        this.validator = validator;
    }

    /** {@code errors}, with the constraints of the fields of {@code form} that bound but were not validated. */
    public <T extends Record> BindingResult completed(BindingResult errors, Class<T> form) {
        if (errors.getFieldErrors().stream().noneMatch(FieldError::isBindingFailure)) {
            return errors;
        }
        Set<ConstraintViolation<T>> broken = new LinkedHashSet<>();
        if (form.isInstance(errors.getTarget())) {
            broken.addAll(validator.validate(form.cast(errors.getTarget())));
        } else {
            for (RecordComponent component : form.getRecordComponents()) {
                if (!errors.hasFieldErrors(component.getName())) {
                    broken.addAll(validator.validateValue(form, component.getName(), errors.getFieldValue(component.getName())));
                }
            }
        }
        for (ConstraintViolation<T> violation : broken) {
            String field = violation.getPropertyPath().toString();
            if (!errors.hasFieldErrors(field)) {
                errors.addError(new FieldError(errors.getObjectName(), field, violation.getInvalidValue(), false, null, null,
                        violation.getMessage()));
            }
        }
        return errors;
    }
}
