package io.partnerpulse.deal.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.partnerpulse.deal.OpportunityManagement;
import io.partnerpulse.deal.OpportunityView;
import io.partnerpulse.deal.Stage;
import io.partnerpulse.deal.StageRequests;
import io.partnerpulse.deal.internal.OpportunityRepository;
import io.partnerpulse.partner.PartnerDirectory;
import io.partnerpulse.shared.FormErrors;
import io.partnerpulse.shared.ApiError;
import io.partnerpulse.shared.Format;
import io.partnerpulse.shared.OrganizationSettings;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The pipeline board: open deals by stage, each movable to another stage, won or lost. */
@Controller
class PipelinePage {

    private static final int PER_STAGE = 30;

    private final OpportunityManagement opportunities;
    private final PartnerDirectory partners;
    private final OrganizationSettings organization;
    private final MessageSource messages;

    PipelinePage(OpportunityManagement opportunities, PartnerDirectory partners, OrganizationSettings organization, MessageSource messages) {
        this.opportunities = opportunities;
        this.partners = partners;
        this.organization = organization;
        this.messages = messages;
    }

    /** One column of the board: its largest deals, how many it holds and their worth in the base currency (null: unknown). */
    public record Column(Stage stage, List<OpportunityView> deals, long total, java.math.BigDecimal worth) {
    }

    @GetMapping("/pipeline")
    String board(Model model, Locale locale) {
        List<Column> columns = new ArrayList<>();
        List<Long> partnerIds = new ArrayList<>();
        OpportunityRepository.Filter open = new OpportunityRepository.Filter(null, null, List.of(Stage.openStages()), true, null, null,
                null, null, null, null, null);
        OpportunityRepository.Board board = opportunities.board(open, PER_STAGE);
        for (Stage stage : Stage.openStages()) {
            OpportunityRepository.StageWorth of = board.worth().get(stage);
            List<OpportunityView> deals = board.largest().getOrDefault(stage, List.of());
            columns.add(new Column(stage, deals, of == null ? 0 : of.deals(), of == null ? java.math.BigDecimal.ZERO : of.worth()));
            deals.forEach(o -> {
                if (o.partnerId() != null) {
                    partnerIds.add(o.partnerId());
                }
            });
        }
        model.addAttribute("columns", columns);
        model.addAttribute("partnerNames", partners.names(partnerIds));
        model.addAttribute("targets", List.of(Stage.values()));
        model.addAttribute("format", new Format(locale, organization.currency()));
        return "deal/pipeline";
    }

    @PostMapping("/pipeline/{id}/move")
    String move(@PathVariable long id, @RequestParam Stage target, @RequestParam long version,
                @RequestParam(required = false) String reason, RedirectAttributes redirect, Locale locale) {
        try {
            switch (target) {
                case WON -> opportunities.win(id, new StageRequests.Win(null, null, version), version);
                case LOST -> {
                    if (reason == null || reason.isBlank()) {
                        throw ApiError.invalid("reason", messages.getMessage("pipeline.reason", null, locale));
                    }
                    opportunities.lose(id, new StageRequests.Lose(reason.trim(), null, null, version), version);
                }
                default -> opportunities.move(id, new StageRequests.Move(target, null, version), version);
            }
            redirect.addFlashAttribute("flash", messages.getMessage("pipeline.moved", null, locale));
        } catch (ApiError e) {
            redirect.addFlashAttribute("flashError", FormErrors.failed(e, messages, locale));
        }
        return "redirect:/pipeline";
    }

}
