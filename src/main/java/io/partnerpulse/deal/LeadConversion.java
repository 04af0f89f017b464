package io.partnerpulse.deal;

/**
 * What deal registration needs from leads, implemented by the lead module: when a registration that
 * names a lead is approved, the lead is converted and its attribution carried into the opportunity.
 * (The interface lives here so that the deal module does not depend on the lead module.)
 */
public interface LeadConversion {

    /** Where a converted lead came from and where it is. */
    record Attribution(Long channelId, Long campaignId, Long ownerId, String country, String region, String city) {
    }

    /**
     * Converts the lead for the partner's approved registration, in the caller's transaction; fails
     * with a 409 if the lead is closed or belongs to another partner.
     */
    Attribution convertForPartner(long leadId, long partnerId);

    /** Records which opportunity the lead became (once the opportunity exists). */
    void linked(long leadId, long opportunityId);
}
