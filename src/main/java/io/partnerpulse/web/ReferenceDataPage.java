package io.partnerpulse.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import io.partnerpulse.currency.ExchangeRates;
import io.partnerpulse.marketing.ChannelType;
import io.partnerpulse.marketing.MarketingManagement;
import io.partnerpulse.marketing.MarketingRecords.ChannelForm;
import io.partnerpulse.marketing.MarketingRecords.ChannelView;
import io.partnerpulse.product.ProductLineManagement;
import io.partnerpulse.product.ProductLineManagement.ProductLineForm;
import io.partnerpulse.product.ProductLineManagement.ProductLineView;
import io.partnerpulse.shared.ApiError;
import io.partnerpulse.shared.CurrentActor;
import io.partnerpulse.shared.FormErrors;
import io.partnerpulse.shared.OrganizationSettings;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The lists the rest of the app chooses from: marketing channels (each paid, earned or owned: the
 * marketing channels KPI groups by it), product lines, and the exchange rates that turn other
 * currencies into the organization's for every KPI. Staff add and rename; analysts read.
 */
@Controller
class ReferenceDataPage {

    /** Rows each list shows; the API pages through more. */
    static final int SHOWN = 500;

    private final MarketingManagement marketing;
    private final ProductLineManagement productLines;
    private final ExchangeRates rates;
    private final OrganizationSettings organization;
    private final CurrentActor actor;
    private final MessageSource messages;

    ReferenceDataPage(MarketingManagement marketing, ProductLineManagement productLines, ExchangeRates rates, OrganizationSettings organization,
                      CurrentActor actor, MessageSource messages) {
        this.marketing = marketing;
        this.productLines = productLines;
        this.rates = rates;
        this.organization = organization;
        this.actor = actor;
        this.messages = messages;
    }

    @GetMapping("/settings")
    String show(Model model) {
        model.addAttribute("channels", marketing.channels(null, null, "name", 0, SHOWN));
        model.addAttribute("types", ChannelType.values());
        model.addAttribute("productLines", productLines.list(null, "name", 0, SHOWN));
        model.addAttribute("rates", rates.list(null, null, null, "day,desc", 0, 100));
        model.addAttribute("baseCurrency", organization.currency());
        model.addAttribute("today", LocalDate.now(organization.timeZone()));
        return "settings";
    }

    @PostMapping("/settings/channels")
    String addChannel(@RequestParam(defaultValue = "") String name, @RequestParam(required = false) ChannelType type,
                      RedirectAttributes redirect, Locale locale) {
        return done(redirect, locale, "channels", () -> {
            ChannelView made = marketing.createChannel(new ChannelForm(null, named(name, locale), typed(type, locale), null));
            return made.name();
        });
    }

    @PostMapping("/settings/channels/{id}")
    String changeChannel(@PathVariable long id, @RequestParam(defaultValue = "") String name, @RequestParam(required = false) ChannelType type,
                         @RequestParam long version, RedirectAttributes redirect, Locale locale) {
        return done(redirect, locale, "channels", () -> {
            ChannelView before = marketing.channel(id);
            return marketing.editChannel(id, new ChannelForm(before.externalId(), named(name, locale), typed(type, locale), version), version).name();
        });
    }

    @PostMapping("/settings/product-lines")
    String addProductLine(@RequestParam(defaultValue = "") String name, RedirectAttributes redirect, Locale locale) {
        return done(redirect, locale, "product-lines", () -> productLines.create(new ProductLineForm(null, named(name, locale), null)).name());
    }

    @PostMapping("/settings/product-lines/{id}")
    String changeProductLine(@PathVariable long id, @RequestParam(defaultValue = "") String name, @RequestParam long version,
                             RedirectAttributes redirect, Locale locale) {
        return done(redirect, locale, "product-lines", () -> {
            ProductLineView before = productLines.get(id);
            return productLines.edit(id, new ProductLineForm(before.externalId(), named(name, locale), version), version).name();
        });
    }

    /** Sets a currency's rate to the organization's currency on a day (it holds until the next day that has one). */
    @PostMapping("/settings/rates")
    String setRate(@RequestParam(defaultValue = "") String currency, @RequestParam(defaultValue = "") String day,
                   @RequestParam(defaultValue = "") String rate, RedirectAttributes redirect, Locale locale) {
        return done(redirect, locale, "rates", () -> {
            String code = currency.strip().toUpperCase(Locale.ROOT);
            LocalDate on;
            try {
                on = LocalDate.parse(day.strip());
            } catch (DateTimeParseException e) {
                throw ApiError.invalid("day", messages.getMessage("deals.date.invalid", null, locale));
            }
            BigDecimal value;
            try {
                value = new BigDecimal(rate.strip().replace(',', '.'));
            } catch (NumberFormatException e) {
                throw ApiError.invalid("rate", messages.getMessage("settings.rate.invalid", null, locale));
            }
            if (value.signum() <= 0 || value.precision() - value.scale() > 10 || value.scale() > 10) {
                throw ApiError.invalid("rate", messages.getMessage("settings.rate.invalid", null, locale));
            }
            rates.set(code, on, new ExchangeRates.RateForm(value));
            return code + " " + on;
        });
    }

    private String named(String name, Locale locale) {
        String text = name.strip();
        if (text.isEmpty() || text.length() > 200) {
            throw ApiError.invalid("name", messages.getMessage(text.isEmpty() ? "organization.form.name.missing" : "leads.new.tooLong",
                    new Object[] {200}, locale));
        }
        return text;
    }

    private ChannelType typed(ChannelType type, Locale locale) {
        if (type == null) {
            throw ApiError.invalid("type", messages.getMessage("settings.channel.type.missing", null, locale));
        }
        return type;
    }

    /** What one form does: its saved record's name said, or its failure in the page's language; back to that section. */
    private String done(RedirectAttributes redirect, Locale locale, String section, java.util.function.Supplier<String> change) {
        actor.requireStaff();
        try {
            redirect.addFlashAttribute("flash", messages.getMessage("organization.form.saved", new Object[] {change.get()}, locale));
        } catch (ApiError e) {
            if (e.status() == org.springframework.http.HttpStatus.NOT_FOUND) {
                throw e;
            }
            redirect.addFlashAttribute("flashError", FormErrors.failed(e, messages, locale));
        }
        return "redirect:/settings#" + section;
    }
}
