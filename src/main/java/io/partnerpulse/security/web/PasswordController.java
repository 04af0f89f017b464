package io.partnerpulse.security.web;

import io.partnerpulse.security.PasswordChanges;
import io.partnerpulse.security.internal.AppUser;
import io.partnerpulse.shared.ApiError;
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

    PasswordController(PasswordChanges passwords) {
        this.passwords = passwords;
    }

    @GetMapping("/account/password")
    String page() {
        return "password";
    }

    @PostMapping("/account/password")
    String change(@AuthenticationPrincipal AppUser user, @RequestParam String currentPassword, @RequestParam String newPassword,
                  @RequestParam String confirmPassword, Model model) {
        if (!newPassword.equals(confirmPassword)) {
            model.addAttribute("error", "The two new passwords differ.");
            return "password";
        }
        if (newPassword.length() < 12) {
            model.addAttribute("error", "Choose a password of at least 12 characters.");
            return "password";
        }
        try {
            passwords.change(user.id(), new PasswordChanges.PasswordForm(currentPassword, newPassword));
        } catch (ApiError e) {
            model.addAttribute("error", "That is not your current password, or the new one is the same.");
            return "password";
        }
        return "redirect:/?password-changed";
    }
}
