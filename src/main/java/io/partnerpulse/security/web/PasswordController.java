package io.partnerpulse.security.web;

import java.util.Locale;

import io.partnerpulse.security.PasswordChanges;
import io.partnerpulse.security.internal.AppUser;
import io.partnerpulse.shared.ApiError;
import io.partnerpulse.shared.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Changing one's own password, as a page and through the API. */
@Controller
class PasswordController {

    private final PasswordChanges passwords;
    private final MessageSource messages;

    PasswordController(PasswordChanges passwords, MessageSource messages) {
        this.passwords = passwords;
        this.messages = messages;
    }

    @GetMapping("/account/password")
    String page() {
        return "password";
    }

    @PostMapping("/account/password")
    String change(@AuthenticationPrincipal AppUser user, @RequestParam String currentPassword, @RequestParam String newPassword,
                  @RequestParam String confirmPassword, Model model, Locale locale) {
        String error;
        if (!newPassword.equals(confirmPassword)) {
            error = messages.getMessage("password.error.differ", null, locale);
        } else if (newPassword.length() < 12 || newPassword.length() > 200) {
            error = messages.getMessage("password.error.length", null, locale);
        } else {
            try {
                passwords.change(user.id(), new PasswordChanges.PasswordForm(currentPassword, newPassword));
                return "redirect:/?password-changed";
            } catch (ApiError e) {
                // the service's own refusal, in the page's language (its message keys are this page's)
                error = String.join(" ", FormErrors.fields(e, messages, locale).values());
            }
        }
        model.addAttribute("error", error);
        return "password";
    }
}
