package io.partnerpulse.notification.web;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import io.partnerpulse.notification.Notifications;
import io.partnerpulse.shared.OrganizationSettings;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The signed-in person's notifications, newest first, and the switch for their e-mails. */
@Controller
class NotificationsPage {

    private final Notifications notifications;
    private final MessageSource messages;
    private final OrganizationSettings settings;

    NotificationsPage(Notifications notifications, MessageSource messages, OrganizationSettings settings) {
        this.notifications = notifications;
        this.messages = messages;
        this.settings = settings;
    }

    @GetMapping("/account/notifications")
    String list(@RequestParam(defaultValue = "0") int page, Model model, Locale locale) {
        ZoneId zone = settings.timeZone();
        model.addAttribute("notifications", notifications.mine(Math.max(0, page), 50));
        model.addAttribute("settings", notifications.settings());
        model.addAttribute("when", DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm '" + zone.getId() + "'", locale).withZone(zone));
        return "notification/list";
    }

    @PostMapping("/account/notifications")
    String change(@RequestParam(defaultValue = "false") boolean email, @RequestParam(required = false) String language,
                  RedirectAttributes flash, Locale locale) {
        // a language the list does not offer keeps the one chosen before
        notifications.change(new Notifications.Settings(email, language != null && Notifications.LANGUAGES.contains(language) ? language : null));
        flash.addFlashAttribute("flash", messages.getMessage(email ? "notifications.on" : "notifications.off", null, locale));
        return "redirect:/account/notifications";
    }
}
