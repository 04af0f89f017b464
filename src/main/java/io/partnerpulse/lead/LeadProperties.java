package io.partnerpulse.lead;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Lead distribution rules.
 *
 * @param partnerCapacity open (new or qualified) leads a partner may hold before it gets no more
 */
@ConfigurationProperties("partnerpulse.leads")
public record LeadProperties(@DefaultValue("25") int partnerCapacity) {
}
