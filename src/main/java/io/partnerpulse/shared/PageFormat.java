package io.partnerpulse.shared;

import java.util.Locale;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Every page may write numbers, money and days as its reader does: {@code format} (a {@link Format}
 * in the reader's locale and the organization's currency) is in every page's model. A page that uses
 * a shared fragment writing days (the period line) no longer fails with a 500 because its controller
 * forgot to add it, as the dashboard did in stop 37. A controller may still put its own.
 */
@ControllerAdvice(annotations = Controller.class)
class PageFormat {

    private final OrganizationSettings organization;

    PageFormat(OrganizationSettings organization) {
        this.organization = organization;
    }

    @ModelAttribute("format")
    Format format(Locale locale) {
        return new Format(locale, organization.currency());
    }
}
