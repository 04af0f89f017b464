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
