package io.partnerpulse.notification.web;

import io.partnerpulse.notification.Notifications;
import io.partnerpulse.shared.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/notifications")
@Tag(name = "Notifications", description = "Your own notifications (registrations decided, leads assigned, funds approved; "
        + "for channel managers, registrations waiting) and whether they are e-mailed to you.")
class NotificationApi {

    private final Notifications notifications;

    NotificationApi(Notifications notifications) {
        this.notifications = notifications;
    }

    @GetMapping
    @Operation(summary = "Your notifications, newest first, with how each e-mail went")
    Page<Notifications.Notification> mine(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return notifications.mine(page, size);
    }

    @GetMapping("/settings")
    Notifications.Settings settings() {
        return notifications.settings();
    }

    @PutMapping("/settings")
    @Operation(summary = "Switch the e-mails on or off: {\"email\": false}")
    Notifications.Settings change(@RequestBody Notifications.Settings settings) {
        return notifications.change(settings);
    }
}
