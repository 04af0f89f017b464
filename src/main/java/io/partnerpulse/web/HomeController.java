package io.partnerpulse.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import io.partnerpulse.shared.CurrentActor;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The start page: what PartnerPulse holds right now and where to go from here. */
@Controller
class HomeController {

    private final JdbcClient jdbc;
    private final CurrentActor actor;

    HomeController(JdbcClient jdbc, CurrentActor actor) {
        this.jdbc = jdbc;
        this.actor = actor;
    }

    /** Counts of what is there; a partner user sees only its own partner's. */
    @GetMapping("/")
    String home(Model model) {
        Long partner = actor.partner().orElse(null);
        model.addAttribute("counts", jdbc.sql("""
                select (select count(*) from partner where cast(:p as bigint) is null or id = :p)                      as partners,
                       (select count(*) from employee where cast(:p as bigint) is null)                              as employees,
                       (select count(*) from lead where cast(:p as bigint) is null or partner_id = :p)                 as leads,
                       (select count(*) from opportunity where cast(:p as bigint) is null or partner_id = :p)          as opportunities,
                       (select count(*) from deal_registration where cast(:p as bigint) is null or partner_id = :p)    as registrations,
                       (select count(*) from campaign where cast(:p as bigint) is null or partner_id = :p)             as campaigns
                """).param("p", partner).query(Counts.class).single());
        return "home";
    }

    record Counts(long partners, long employees, long leads, long opportunities, long registrations, long campaigns) {
    }
}
