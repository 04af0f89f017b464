package io.partnerpulse.lead;

import java.time.Instant;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** What a client sends to create or edit a lead. Its status changes only through the lead operations. */
public record LeadForm(@Size(max = 100) String externalId,
                       @Size(max = 200) String contactName,
                       @Size(max = 200) String companyName,
                       @Email @Size(max = 200) String email,
                       @Positive Long channelId,
                       @Positive Long campaignId,
                       @Positive Long ownerId,
                       @Pattern(regexp = "[A-Z]{2}", message = "{problem.field.country-code}") String country,
                       @Size(max = 100) String region,
                       @Size(max = 100) String city,
                       Instant createdAt,
                       Long version) {
}
