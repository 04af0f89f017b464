package io.partnerpulse.shared;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.NoSuchMessageException;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.validation.BindingResult;

/**
 * Puts a service's failures (the API's 4xx) on a page in its reader's language: a failure or a
 * field problem with a message key is said by the bundles, any other by its English detail.
 */
public final class FormErrors {

    private FormErrors() {
    }

    /**
     * What went wrong, in the page's language when the failure has a message key; a refusal of fields
     * says each field's reason (in the page's language when it has a key), not the API's English
     * "field: reason" detail.
     */
    public static String text(ApiError error, MessageSource messages, Locale locale) {
        if (!problems(error).isEmpty()) {
            return String.join("; ", new java.util.LinkedHashSet<>(fields(error, messages, locale).values()));
        }
        return error.messageKey() == null ? error.getMessage()
                : messages.getMessage(error.messageKey(), error.messageArguments(), error.getMessage(), locale);
    }

    /** "That did not work: …" for a page's flash, in the page's language. */
    public static String failed(ApiError error, MessageSource messages, Locale locale) {
        return messages.getMessage("action.failed", new Object[] {text(error, messages, locale)}, locale);
    }

    /** The first message of each invalid field, for showing beside it; "" holds a message for the form as a whole. */
    public static Map<String, String> byField(BindingResult errors, MessageSource messages, Locale locale) {
        Map<String, String> byField = new LinkedHashMap<>();
        // a binding failure's message is readable and in the page's language already (FormBinding),
        // and so is bean validation's; a service's problem copied here may have a key of the bundles
        errors.getFieldErrors().forEach(e -> byField.putIfAbsent(e.getField(), said(e, messages, locale)));
        errors.getGlobalErrors().forEach(e -> byField.putIfAbsent("", said(e, messages, locale)));
        return byField;
    }

    /** A service's field problems as field → reason in the page's language; a problem that names no field is under "". */
    public static Map<String, String> fields(ApiError error, MessageSource messages, Locale locale) {
        Map<String, String> byField = new LinkedHashMap<>();
        List<ApiError.FieldProblem> problems = problems(error);
        if (problems.isEmpty()) {
            byField.put("", text(error, messages, locale));
        }
        problems.forEach(problem -> byField.putIfAbsent(problem.field(), problem.key() == null ? problem.reason()
                : messages.getMessage(problem.key(), problem.arguments().toArray(), problem.reason(), locale)));
        return byField;
    }

    /**
     * Sends a page form's change to its service once the form found no problem of its own: what the
     * service answered, or null with its refusal added to {@code fieldErrors} (beside the field it
     * names, or under ""). A record the reader may not see or change is no problem of the form: that
     * 404 or 403 goes on to the error page.
     */
    public static <T> T submit(Map<String, String> fieldErrors, MessageSource messages, Locale locale, java.util.function.Supplier<T> change) {
        if (!fieldErrors.isEmpty()) {
            return null;
        }
        try {
            return change.get();
        } catch (ApiError e) {
            if (e.status() == org.springframework.http.HttpStatus.NOT_FOUND || e.status() == org.springframework.http.HttpStatus.FORBIDDEN) {
                throw e;
            }
            fieldErrors.putAll(fields(e, messages, locale));
            return null;
        }
    }

    /** Adds a service's problems to a form's binding result (each field's key, if any, said later by {@link #byField}). */
    public static void copy(ApiError error, BindingResult errors) {
        List<ApiError.FieldProblem> problems = problems(error);
        if (problems.isEmpty()) {
            errors.reject(error.messageKey() == null ? "failed" : error.messageKey(), error.messageArguments(), error.getMessage());
        }
        problems.forEach(problem -> errors.rejectValue(problem.field(), problem.key() == null ? "invalid" : problem.key(),
                problem.arguments().toArray(), problem.reason()));
    }

    private static List<ApiError.FieldProblem> problems(ApiError error) {
        return error.properties().get("errors") instanceof List<?> list
                ? list.stream().filter(ApiError.FieldProblem.class::isInstance).map(ApiError.FieldProblem.class::cast).toList()
                : List.of();
    }

    /** Only the error's own code is looked up (not Spring's longer variants), and its default message is the fallback. */
    private static String said(org.springframework.validation.ObjectError error, MessageSource messages, Locale locale) {
        String code = error.getCode();
        MessageSourceResolvable own = new DefaultMessageSourceResolvable(code == null ? new String[0] : new String[] {code},
                error.getArguments(), error.getDefaultMessage());
        try {
            return messages.getMessage(own, locale);
        } catch (NoSuchMessageException e) {
            return error.getDefaultMessage();
        }
    }
}
