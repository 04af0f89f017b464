package io.partnerpulse.web;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * The language of the pages: the browser's (English or Urdu), until the user picks one with
 * {@code ?lang=en|ur}, which a cookie remembers.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration {

    static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.forLanguageTag("ur"));

    /** Requests Tomcat refuses itself are answered by {@link RefusedRequestReport}, not Tomcat's own page. */
    @Bean
    org.springframework.boot.web.server.WebServerFactoryCustomizer<org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory> refusedRequestReport(
            tools.jackson.databind.json.JsonMapper json) {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof org.apache.catalina.core.StandardHost host) {
                // the host then keeps this one instead of making a valve of its own
                host.setErrorReportValveClass(RefusedRequestReport.class.getName());
                host.getPipeline().addValve(new RefusedRequestReport(json));
            }
        });
    }

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("partnerpulse-lang");
        resolver.setDefaultLocaleFunction(request -> {
            Locale browser = request.getLocale();
            return browser != null && browser.getLanguage().equals("ur") ? SUPPORTED.get(1) : Locale.ENGLISH;
        });
        resolver.setCookieMaxAge(Duration.ofDays(365));
        return resolver;
    }

    /**
     * {@code ?lang=} on any GET, before security: a link with {@code ?lang=ur} that security first
     * sends to the sign-in page still chooses the language (a handler interceptor sees only the
     * requests that reach a page, so the redirect lost it). Only the raw query string of a GET is
     * read: a form's body is never parsed here.
     */
    @Bean
    FilterRegistrationBean<OncePerRequestFilter> languageParameter(LocaleResolver resolver) {
        OncePerRequestFilter filter = new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                String query = "GET".equals(request.getMethod()) ? request.getQueryString() : null;
                if (query != null && query.contains("lang=")) {
                    // read from the raw query, not getParameter(): that would parse every parameter
                    // here, before the check that answers a badly encoded one with its own error
                    for (String pair : query.split("&")) {
                        SUPPORTED.stream().filter(l -> pair.equals("lang=" + l.getLanguage())).findFirst()
                                .ifPresent(locale -> resolver.setLocale(request, response, locale));
                    }
                }
                chain.doFilter(request, response);
            }
        };
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1);
        return registration;
    }
}
