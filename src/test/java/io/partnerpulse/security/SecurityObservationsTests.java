package io.partnerpulse.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.observation.ObservationRegistry;
import io.partnerpulse.PartnerPulseIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.ObservationFilterChainDecorator;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * The security filters of a request run without an observation around each of them, although the
 * app has an observation registry (the actuator's), which is when Spring Security would add them.
 */
@PartnerPulseIntegrationTest
class SecurityObservationsTests {

    @Autowired
    FilterChainProxy filterChains;

    @Autowired
    ObservationRegistry observations;

    @Test
    void wrapsNoSecurityFilterInAnObservationThoughTheAppHasAnObservationRegistry() {
        assertThat(observations.isNoop()).isFalse();
        // the bean is Spring Security's composite; the chains run in the proxy it holds
        Object chains = ReflectionTestUtils.getField(filterChains, "springSecurityFilterChain");
        Object decorator = ReflectionTestUtils.getField(chains, "filterChainDecorator");
        assertThat(decorator).isNotNull().isNotInstanceOf(ObservationFilterChainDecorator.class);
    }
}
