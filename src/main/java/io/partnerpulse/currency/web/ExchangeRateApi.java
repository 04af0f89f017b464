package io.partnerpulse.currency.web;

import java.time.LocalDate;

import io.partnerpulse.currency.ExchangeRates;
import io.partnerpulse.currency.ExchangeRates.RateForm;
import io.partnerpulse.currency.ExchangeRates.RateView;
import io.partnerpulse.shared.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/exchange-rates")
@Tag(name = "Exchange rates", description = "Units of the base currency for one unit of another currency, per day")
class ExchangeRateApi {

    private final ExchangeRates rates;

    ExchangeRateApi(ExchangeRates rates) {
        this.rates = rates;
    }

    @GetMapping
    Page<RateView> list(@RequestParam(required = false) String currency, @RequestParam(required = false) LocalDate from,
                        @RequestParam(required = false) LocalDate to, @RequestParam(required = false) String sort,
                        @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return rates.list(currency, from, to, sort, page, size);
    }

    @GetMapping("/{currency}/{day}")
    RateView get(@PathVariable String currency, @PathVariable LocalDate day) {
        return rates.get(currency, day);
    }

    @PutMapping("/{currency}/{day}")
    @Operation(summary = "Set (or replace) the rate of a currency on a day")
    RateView set(@PathVariable String currency, @PathVariable LocalDate day, @Valid @RequestBody RateForm form) {
        return rates.set(currency, day, form);
    }
}
