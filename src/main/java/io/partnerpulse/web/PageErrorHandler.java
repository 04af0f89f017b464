package io.partnerpulse.web;

import io.partnerpulse.shared.ApiError;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/** A page whose request fails shows the friendly error page with the failure's status (404, 403, 409...). */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageErrorHandler {

    @ExceptionHandler(ApiError.class)
    ModelAndView failed(ApiError e) {
        ModelAndView page = new ModelAndView("error");
        page.setStatus(e.status());
        page.addObject("status", e.status().value());
        return page;
    }
}
