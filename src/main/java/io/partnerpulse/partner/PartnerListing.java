package io.partnerpulse.partner;

import java.util.List;

import io.partnerpulse.shared.Versioned;
import jakarta.validation.constraints.Size;

/**
 * How a partner appears in the public directory: listed or not (the channel team decides), its
 * website and a few words (the partner's users write them for their own partner). A partner that never
 * wrote one has an empty, unlisted listing at version 0.
 */
public record PartnerListing(long partnerId, boolean listed, String website, String summary, long version) implements Versioned {

    @Override
    public long id() {
        return partnerId;
    }

    /**
     * A change; {@code listed} is the channel team's (a partner user's is refused), a field left out
     * keeps its value, an empty text clears it.
     */
    public record Form(Boolean listed, @Size(max = 300) String website, @Size(max = 1000) String summary) {
    }

    /** A listed partner as the directory shows it: what customers may read, and nothing else. */
    public record Entry(long partnerId, String name, PartnerTier tier, String country, String region, String city, String website,
                        String summary, List<String> certifications) {
    }
}
