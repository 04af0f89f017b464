package io.partnerpulse.partner.web;

import java.util.List;

import io.partnerpulse.partner.PartnerForm;
import io.partnerpulse.partner.PartnerManagement;
import io.partnerpulse.partner.PartnerTier;
import io.partnerpulse.partner.PartnerView;
import io.partnerpulse.partner.internal.PartnerRepository;
import io.partnerpulse.shared.ApiError;
import io.partnerpulse.shared.FormErrors;
import io.partnerpulse.shared.Page;
import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The partners work page: search and filter the list, add a partner with its fields checked next to them. */
@Controller
class PartnersPage {

    private final PartnerManagement partners;

    PartnersPage(PartnerManagement partners) {
        this.partners = partners;
    }

    @GetMapping("/partners")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) PartnerTier tier,
                @RequestParam(defaultValue = "0") int page, Model model) {
        show(model, q, tier, page);
        model.addAttribute("fieldErrors", java.util.Map.of());
        model.addAttribute("draft", new PartnerForm(null, "", PartnerTier.REGISTERED, "", null, null, null, null, null, null));
        return "partner/list";
    }

    @PostMapping("/partners")
    String create(@Valid @ModelAttribute("form") PartnerForm form, BindingResult errors, Model model) {
        if (!errors.hasErrors()) {
            try {
                PartnerView created = partners.create(form);
                return "redirect:/partners/" + created.id();
            } catch (ApiError e) {
                FormErrors.copy(e, errors);
            }
        }
        show(model, null, null, 0);
        model.addAttribute("fieldErrors", FormErrors.byField(errors));
        model.addAttribute("draft", form != null ? form : new PartnerForm(null, "", PartnerTier.REGISTERED, "", null, null, null, null, null, null));
        return "partner/list";
    }

    private void show(Model model, String q, PartnerTier tier, int page) {
        Page<PartnerView> found = partners.list(new PartnerRepository.Filter(tier == null ? null : List.of(tier), null, null, null, null, q),
                "name", Math.max(0, page), 50);
        model.addAttribute("partners", found);
        model.addAttribute("q", q);
        model.addAttribute("tier", tier);
        model.addAttribute("tiers", PartnerTier.values());
    }
}
