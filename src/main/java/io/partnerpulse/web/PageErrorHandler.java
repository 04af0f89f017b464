package io.partnerpulse.web;

import io.partnerpulse.shared.ApiError;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * A page whose request fails shows the friendly error page with the failure's status (404, 403, 409...),
 * and so does an address whose id is not a number ({@code /partners/abc}: 400). It comes before Spring
 * Boot's problem-details handler, which would answer a browser with JSON; the REST controllers' own
 * handler ({@code ApiErrorHandler}, first of all) still answers the API.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class PageErrorHandler {

    @ExceptionHandler(ApiError.class)
    ModelAndView failed(ApiError e) {
        return page(e.status());
    }

    /** A unique value taken already that no form caught (a form that can says so beside its fields): the 409 page, never a 500. */
    @ExceptionHandler(org.springframework.dao.DuplicateKeyException.class)
    ModelAndView duplicate(org.springframework.dao.DuplicateKeyException e) {
        return page(HttpStatus.CONFLICT);
    }

    /**
     * A value PostgreSQL refuses itself (SQLSTATE class 22: a NUL byte in a text, a number out of
     * range) or a rule of the data a form broke: the 422 page, as the API answers 422. Anything else
     * is the application's fault and stays a 500.
     */
    @ExceptionHandler(org.springframework.dao.DataAccessException.class)
    ModelAndView refused(org.springframework.dao.DataAccessException e) {
        Throwable cause = e.getMostSpecificCause();
        boolean value = cause instanceof java.sql.SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("22");
        if (value || e instanceof org.springframework.dao.DataIntegrityViolationException) {
            return page(HttpStatus.UNPROCESSABLE_CONTENT);
        }
        throw e;
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView wrongType(MethodArgumentTypeMismatchException e) {
        return page(HttpStatus.BAD_REQUEST);
    }

    static ModelAndView page(HttpStatusCode status) {
        ModelAndView page = new ModelAndView("error");
        page.setStatus(status);
        page.addObject("status", status.value());
        return page;
    }
}
