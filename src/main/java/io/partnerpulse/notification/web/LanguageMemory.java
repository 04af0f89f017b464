package io.partnerpulse.notification.web;

import io.partnerpulse.notification.Notifications;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A signed-in person who switches the pages' language ({@code ?lang=ur} on a page) gets their
 * e-mails in it from then on: the choice is remembered with their account (one update, only when it
 * changes). The notifications page chooses it explicitly too.
 */
@Configuration
class LanguageMemory implements WebMvcConfigurer {

    private final Notifications notifications;

    LanguageMemory(Notifications notifications) {
        this.notifications = notifications;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                String query = "GET".equals(request.getMethod()) ? request.getQueryString() : null;
                if (query != null && query.contains("lang=")) {
                    for (String pair : query.split("&")) {
                        if (pair.startsWith("lang=")) {
                            notifications.rememberLanguage(pair.substring(5));
                        }
                    }
                }
                return true;
            }
        }).excludePathPatterns("/api/**", "/css/**", "/js/**", "/img/**", "/webjars/**");
    }
}
