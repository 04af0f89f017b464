package io.partnerpulse.deal.internal;

import java.util.regex.Pattern;

import io.partnerpulse.deal.RegistrationOutcome;

/**
 * The reason a conflicting registration is given, written here and nowhere else so that what staff read
 * and what the partner is told cannot drift apart: staff see whose registration or which deal holds the
 * customer; the partner only that it is taken ({@link #forPartner}). The demo data writes the first
 * wording too, with " / product" after the customer.
 */
public final class ConflictReasons {

    private static final Pattern OTHER_PARTNER = Pattern.compile(" is already registered by partner \\d+ \\(registration \\d+[^)]*\\)");
    private static final Pattern OPEN_DEAL = Pattern.compile(" is already an open opportunity \\(\\d+\\)");

    private ConflictReasons() {
    }

    static String registered(String customer, long partnerId, long registrationId, RegistrationOutcome outcome) {
        return "Conflict: " + customer + " is already registered by partner " + partnerId + " (registration " + registrationId + ", "
                + outcome.name().toLowerCase() + ")";
    }

    static String openDeal(String customer, long opportunityId) {
        return "Conflict: " + customer + " is already an open opportunity (" + opportunityId + ")";
    }

    /** The reason as a partner user may read it: the customer is taken, not by which partner or deal; any other text as it is. */
    public static String forPartner(String reason) {
        return reason == null ? null : OPEN_DEAL.matcher(OTHER_PARTNER.matcher(reason)
                .replaceAll(" is already registered by another partner")).replaceAll(" is already an open deal");
    }
}
