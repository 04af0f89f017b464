package io.partnerpulse.lead.internal;

import java.time.Instant;

import io.partnerpulse.lead.LeadForm;
import io.partnerpulse.lead.LeadStatus;
import io.partnerpulse.lead.LeadView;
import io.partnerpulse.shared.ApiError;

/** A lead. Its status moves only through the guarded methods: qualify, disqualify, assign, convert. */
final class Lead {

    private final Long id;
    private final long version;
    private final Instant createdAt;
    private String externalId, contactName, companyName, email, country, region, city, disqualifiedReason;
    private Long channelId, campaignId, partnerId, ownerId;
    private LeadStatus status;
    private Instant statusChangedAt, convertedAt;

    private Lead(Long id, long version, Instant createdAt) {
        this.id = id;
        this.version = version;
        this.createdAt = createdAt;
    }

    static Lead create(LeadForm form, Long partnerId, Instant now) {
        Instant created = form.createdAt() == null ? now : form.createdAt();
        if (created.isAfter(now)) {
            throw ApiError.invalid("createdAt", "must not be in the future", "problem.field.future");
        }
        Lead lead = new Lead(null, 0, created);
        lead.edit(form);
        lead.partnerId = partnerId;
        lead.status = LeadStatus.NEW;
        lead.statusChangedAt = created;
        return lead;
    }

    static Lead restore(LeadView v) {
        Lead lead = new Lead(v.id(), v.version(), v.createdAt());
        lead.externalId = v.externalId();
        lead.contactName = v.contactName();
        lead.companyName = v.companyName();
        lead.email = v.email();
        lead.channelId = v.channelId();
        lead.campaignId = v.campaignId();
        lead.partnerId = v.partnerId();
        lead.ownerId = v.ownerId();
        lead.country = v.country();
        lead.region = v.region();
        lead.city = v.city();
        lead.status = v.status();
        lead.statusChangedAt = v.statusChangedAt();
        lead.disqualifiedReason = v.disqualifiedReason();
        lead.convertedAt = v.convertedAt();
        return lead;
    }

    void edit(LeadForm form) {
        externalId = form.externalId();
        contactName = form.contactName();
        companyName = form.companyName();
        email = form.email();
        channelId = form.channelId();
        campaignId = form.campaignId();
        ownerId = form.ownerId();
        country = form.country();
        region = form.region();
        city = form.city();
    }

    void qualify(Instant at) {
        if (status != LeadStatus.NEW) {
            throw illegal("qualified", "only a new lead can be qualified", "problem.lead.not-new");
        }
        changeStatus(LeadStatus.QUALIFIED, at);
    }

    void disqualify(String reason, Instant at) {
        requireOpen("disqualified");
        changeStatus(LeadStatus.DISQUALIFIED, at);
        disqualifiedReason = reason.trim();
    }

    void assign(long partner) {
        requireOpen("assigned");
        if (Long.valueOf(partner).equals(partnerId)) {
            throw ApiError.conflict("lead.illegal-transition", "Lead " + id + " is assigned to partner " + partner + " already.")
                    .saying("problem.lead.assigned", id);
        }
        partnerId = partner;
    }

    void convert(Instant at) {
        requireOpen("converted");
        changeStatus(LeadStatus.CONVERTED, at);
        convertedAt = statusChangedAt;
    }

    private void changeStatus(LeadStatus next, Instant at) {
        status = next;
        statusChangedAt = at.isBefore(createdAt) ? createdAt : at;
    }

    private void requireOpen(String what) {
        if (status == LeadStatus.CONVERTED || status == LeadStatus.DISQUALIFIED) {
            throw illegal(what, "it is " + status, "problem.lead.closed");
        }
    }

    /** A move the lead's state forbids; a page says it by the message {@code key} (with the lead's id). */
    private ApiError illegal(String what, String why, String key) {
        return ApiError.conflict("lead.illegal-transition", "Lead " + id + " cannot be " + what + ": " + why + ".").saying(key, id);
    }

    Long id() { return id; }
    long version() { return version; }
    Instant createdAt() { return createdAt; }
    String externalId() { return externalId; }
    String contactName() { return contactName; }
    String companyName() { return companyName; }
    String email() { return email; }
    Long channelId() { return channelId; }
    Long campaignId() { return campaignId; }
    Long partnerId() { return partnerId; }
    Long ownerId() { return ownerId; }
    String country() { return country; }
    String region() { return region; }
    String city() { return city; }
    LeadStatus status() { return status; }
    Instant statusChangedAt() { return statusChangedAt; }
    String disqualifiedReason() { return disqualifiedReason; }
    Instant convertedAt() { return convertedAt; }
}
