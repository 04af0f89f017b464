package io.partnerpulse.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The start page: what PartnerPulse holds right now and where to go from here. */
@Controller
class HomeController {

    private final JdbcClient jdbc;

    HomeController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("counts", jdbc.sql("""
                select (select count(*) from partner)           as partners,
                       (select count(*) from employee)          as employees,
                       (select count(*) from lead)              as leads,
                       (select count(*) from opportunity)       as opportunities,
                       (select count(*) from deal_registration) as registrations,
                       (select count(*) from campaign)          as campaigns
                """).query(Counts.class).single());
        return "home";
    }

    record Counts(long partners, long employees, long leads, long opportunities, long registrations, long campaigns) {
    }
}
