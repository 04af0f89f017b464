package io.partnerpulse.shared;

import java.util.List;

import org.springframework.validation.BindingResult;

/** Puts a service's field problems (a 422 of the API) next to the fields of a page's form. */
public final class FormErrors {

    private FormErrors() {
    }

    /** The first message of each invalid field, for showing beside it; "" holds a message for the form as a whole. */
    public static java.util.Map<String, String> byField(BindingResult errors) {
        java.util.Map<String, String> messages = new java.util.LinkedHashMap<>();
        // a binding failure's message is readable and in the page's language already (FormBinding)
        errors.getFieldErrors().forEach(e -> messages.putIfAbsent(e.getField(), e.getDefaultMessage()));
        errors.getGlobalErrors().forEach(e -> messages.putIfAbsent("", e.getDefaultMessage()));
        return messages;
    }

    /** A service's field problems as field → reason; a problem that names no field is under "". */
    public static java.util.Map<String, String> fields(ApiError error) {
        java.util.Map<String, String> messages = new java.util.LinkedHashMap<>();
        Object problems = error.properties().get("errors");
        if (problems instanceof List<?> list && !list.isEmpty()) {
            for (Object item : list) {
                if (item instanceof ApiError.FieldProblem problem) {
                    messages.putIfAbsent(problem.field(), problem.reason());
                }
            }
        } else {
            messages.put("", error.getMessage());
        }
        return messages;
    }

    public static void copy(ApiError error, BindingResult errors) {
        Object problems = error.properties().get("errors");
        if (problems instanceof List<?> list && !list.isEmpty()) {
            for (Object item : list) {
                if (item instanceof ApiError.FieldProblem problem) {
                    errors.rejectValue(problem.field(), "invalid", problem.reason());
                }
            }
        } else {
            errors.reject("failed", error.getMessage());
        }
    }
}
