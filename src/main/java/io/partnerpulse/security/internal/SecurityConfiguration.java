package io.partnerpulse.security.internal;

import io.partnerpulse.security.ApiTokens;
import io.partnerpulse.security.SecuritySettings;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Two filter chains. The API (/api/**): Bearer tokens, HTTP Basic (unless turned off) or the
 * browser's session; 401 and 403 as problem documents; CSRF only for session requests. The pages:
 * a login form, sessions with CSRF protection, and a content security policy that lets in only the
 * app's own scripts and styles. Partner users reach only the portal's endpoints; their data is
 * narrowed to their own partner by the services themselves ({@code CurrentActor}).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private static final String[] STAFF = {"ADMIN", "CHANNEL_MANAGER"};
    private static final String[] EVERYONE = {"ADMIN", "CHANNEL_MANAGER", "ANALYST", "PARTNER_USER"};
    private static final String[] READERS = {"ADMIN", "CHANNEL_MANAGER", "ANALYST"};
    private static final String[] WORKERS = {"ADMIN", "CHANNEL_MANAGER", "PARTNER_USER"};

    /** What partner users may read: their portal. */
    static final String[] PORTAL_READS = {"/api/v1/kpis", "/api/v1/kpis/**", "/api/v1/partners", "/api/v1/partners/*",
            "/api/v1/partners/*/history", "/api/v1/partners/*/commission-statement", "/api/v1/leads", "/api/v1/leads/*",
            "/api/v1/leads/*/assignments", "/api/v1/opportunities", "/api/v1/opportunities/*", "/api/v1/opportunities/*/history", "/api/v1/opportunities/*/notes", "/api/v1/tasks", "/api/v1/tasks/*",
            "/api/v1/registrations", "/api/v1/registrations/*", "/api/v1/product-lines", "/api/v1/product-lines/*",
            "/api/v1/channels", "/api/v1/channels/*", "/api/v1/recommendations", "/api/v1/scorecards/partner/*", "/api/v1/forecast", "/api/v1/forecast/backtest", "/api/v1/seasonality", "/api/v1/seasonality/expected",
            "/api/v1/report-subscriptions", "/api/v1/report-subscriptions/**",
            "/api/v1/funds/allocations", "/api/v1/funds/allocations/*", "/api/v1/funds/requests", "/api/v1/funds/requests/*",
            "/api/v1/funds/claims", "/api/v1/funds/claims/*", "/api/v1/funds/claims/*/documents", "/api/v1/funds/claims/*/documents/*",
            "/api/v1/funds/returns", "/api/v1/funds/totals", "/api/v1/tiers", "/api/v1/tiers/standings",
            "/api/v1/certifications", "/api/v1/certifications/*", "/api/v1/partners/*/listing", "/api/v1/partners/*/resellers"};

    /** What partner users may change: their leads and deals, their registrations, and their fund requests and claims. */
    static final String[] PORTAL_POSTS = {"/api/v1/leads", "/api/v1/leads/*/qualify", "/api/v1/leads/*/disqualify",
            "/api/v1/leads/*/convert", "/api/v1/opportunities/*/move", "/api/v1/opportunities/*/win", "/api/v1/opportunities/*/lose", "/api/v1/opportunities/*/notes", "/api/v1/tasks", "/api/v1/tasks/*/done", "/api/v1/tasks/*/reopen",
            "/api/v1/registrations", "/api/v1/funds/requests", "/api/v1/funds/requests/*/withdraw", "/api/v1/funds/claims",
            "/api/v1/funds/claims/*/documents", "/api/v1/report-subscriptions", "/api/v1/report-subscriptions/*/send"};

    /**
     * The default firewall's rules, checked without regular expressions ({@link HeaderCharacters}). An
     * address it refuses (an empty segment {@code //}, an encoded {@code %}, a {@code ;}, a line break)
     * is a 400: a problem document on the API, like every other refusal there, and the error page elsewhere.
     */
    @Bean
    org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer firewall(ProblemResponses problems) {
        return web -> web.httpFirewall(HeaderCharacters.firewall()).requestRejectedHandler((request, response, rejected) -> {
            if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
                problems.write(request, response, 400, "request.rejected", "Rejected address",
                        "The address is not allowed: " + rejected.getMessage());
            } else {
                response.sendError(400);
            }
        });
    }

    /**
     * No observation around each filter of the chain, nor around each authentication and
     * authorization: with an observation registry present (the actuator's) Spring Security wraps
     * every one of the dozen filters of every request, for traces this app does not export (with the
     * controller lookup's index, +13% API writes per second in stop 19's interleaved measurement; see
     * docs/performance.md). Turning the observations
     * off by the {@code management.observations.enable} property leaves the wrappers in place (each
     * then makes an empty observation); this takes them out. The requests' own timings
     * ({@code http.server.requests}) are kept.
     */
    @Bean
    SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /** bcrypt, remembering a verified password for a few minutes (HTTP Basic scripts: see {@link RememberingPasswordEncoder}). */
    @Bean
    PasswordEncoder passwordEncoder() {
        return new RememberingPasswordEncoder(PasswordEncoderFactories.createDelegatingPasswordEncoder(), java.time.Clock.systemUTC());
    }

    static boolean isApi(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/api/") && !path.startsWith("/api/docs");
    }

    @Bean
    @Order(1)
    @ConditionalOnWebApplication
    SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, ProblemResponses problems, SecuritySettings settings,
                            UserAccounts users) throws Exception {
        http.securityMatcher(SecurityConfiguration::isApi)
                .authorizeHttpRequests(a -> a
                        .requestMatchers(PasswordChangeFilter.API).authenticated()
                        .requestMatchers("/api/v1/users", "/api/v1/users/**").hasRole("ADMIN")
                        .requestMatchers("/api/v1/webhooks", "/api/v1/webhooks/**").hasRole("ADMIN")
                        .requestMatchers("/api/v1/tokens", "/api/v1/tokens/**").authenticated()
                        .requestMatchers("/api/v1/notifications", "/api/v1/notifications/**").authenticated()
                        .requestMatchers(HttpMethod.GET, PORTAL_READS).hasAnyRole(EVERYONE)
                        .requestMatchers(HttpMethod.POST, PORTAL_POSTS).hasAnyRole(WORKERS)
                        .requestMatchers(HttpMethod.PUT, "/api/v1/leads/*", "/api/v1/registrations/*", "/api/v1/report-subscriptions/*",
                                "/api/v1/partners/*/listing").hasAnyRole(WORKERS)
                        .requestMatchers(HttpMethod.DELETE, "/api/v1/report-subscriptions/*").hasAnyRole(WORKERS)
                        .requestMatchers(HttpMethod.GET, "/api/**").hasAnyRole(READERS)
                        .anyRequest().hasAnyRole(STAFF))
                .addFilterBefore(new BearerTokenFilter(tokens, problems), BasicAuthenticationFilter.class)
                .addFilterAfter(new PasswordChangeFilter(users, problems), org.springframework.security.web.access.intercept.AuthorizationFilter.class)
                .csrf(c -> c.ignoringRequestMatchers(request -> request.getHeader("Authorization") != null))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, ex) -> problems.write(request, response, 401,
                                "auth.unauthenticated", "Unauthorized", "Sign in, or send a Bearer token or HTTP Basic credentials."))
                        .accessDeniedHandler((request, response, ex) -> {
                            var auth = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
                            if (auth == null || auth instanceof org.springframework.security.authentication.AnonymousAuthenticationToken) {
                                problems.write(request, response, 401, "auth.unauthenticated", "Unauthorized",
                                        "Sign in, or send a Bearer token or HTTP Basic credentials.");
                            } else if (ex instanceof org.springframework.security.web.csrf.CsrfException) {
                                problems.write(request, response, 403, "auth.csrf", "Forbidden",
                                        "A change made with the browser's session needs the CSRF token of the page.");
                            } else {
                                problems.write(request, response, 403, "auth.forbidden", "Forbidden", "Your role does not allow this request.");
                            }
                        }))
                .headers(SecurityConfiguration::headers);
        if (settings.basicAuth()) {
            http.httpBasic(b -> b.authenticationEntryPoint((request, response, ex) -> problems.write(request, response, 401,
                    "auth.unauthenticated", "Unauthorized", "The credentials were not accepted.")));
        } else {
            http.httpBasic(AbstractHttpConfigurer::disable);
        }
        return http.build();
    }

    @Bean
    @Order(2)
    @ConditionalOnWebApplication
    SecurityFilterChain pages(HttpSecurity http, UserAccounts users, ProblemResponses problems) throws Exception {
        return http
                .addFilterAfter(new PasswordChangeFilter(users, problems), org.springframework.security.web.access.intercept.AuthorizationFilter.class)
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico", "/error",
                                "/actuator/health", "/actuator/health/**").permitAll()
                        // the public partner directory: listed, active partners, for customers looking for a reseller
                        .requestMatchers(HttpMethod.GET, "/directory", "/directory.json").permitAll()
                        // analysts read everything and change nothing, on the pages as in the API
                        .requestMatchers(HttpMethod.POST, "/account/password", "/account/notifications", "/dashboard/layout").authenticated()
                        .requestMatchers("/imports", "/imports/**").hasAnyRole(STAFF)
                        .requestMatchers("/webhooks", "/webhooks/**", "/users", "/users/**").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.POST, "/registrations/submit", "/partners/*/listing").hasAnyRole(WORKERS)
                        .requestMatchers(HttpMethod.POST, "/targets", "/campaigns/**", "/partners", "/partners/**",
                                "/registrations/**", "/leads/distribute", "/leads/assign", "/leads/route", "/funds/allocations", "/funds/allocations/**",
                                "/funds/requests/*/approve", "/funds/requests/*/reject", "/funds/claims/*/approve", "/funds/claims/*/reject",
                                "/funds/claims/*/pay", "/tiers/**", "/deals", "/deals/*", "/accounts", "/accounts/*", "/organization/**", "/settings/**",
                                "/certifications", "/certifications/**").hasAnyRole(STAFF)
                        .requestMatchers(HttpMethod.POST, "/**").hasAnyRole(WORKERS)
                        .requestMatchers(HttpMethod.GET, "/organization/*/new", "/organization/*/*/edit").hasAnyRole(STAFF)
                        .requestMatchers("/organization", "/organization/**", "/targets", "/campaigns", "/campaigns/**", "/audit", "/tiers", "/onboarding", "/accounts", "/accounts/**", "/settings").hasAnyRole(READERS)
                        .anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
                .httpBasic(Customizer.withDefaults())
                .logout(l -> l.logoutSuccessUrl("/login?logout").permitAll())
                .headers(SecurityConfiguration::headers)
                // CSRF guards what a browser sends with its session cookie; a request that carries its own
                // Authorization header (a script) cannot be forged that way
                .csrf(c -> c.ignoringRequestMatchers(request -> request.getHeader("Authorization") != null))
                .build();
    }

    private static void headers(HeadersConfigurer<HttpSecurity> headers) {
        headers.contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
                .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                .frameOptions(HeadersConfigurer.FrameOptionsConfig::deny);
    }
}
