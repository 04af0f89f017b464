package io.partnerpulse.deal.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.partnerpulse.deal.OpportunityForm;
import io.partnerpulse.deal.OpportunityView;
import io.partnerpulse.deal.Stage;
import io.partnerpulse.shared.ApiError;

/**
 * An opportunity (deal). Its stage moves only through the guarded methods below, each of which keeps
 * the stage history; a closed deal can be reopened, never moved or closed again.
 */
public final class Opportunity {

    /** A stage change not yet written to the history. */
    record Change(Stage from, Stage to, Instant at, String by) {
    }

    private final Long id;
    private final long version;
    private String externalId;
    private String name;
    private Long accountId, partnerId, ownerId, leadId, channelId, campaignId, productLineId;
    private String country, region, city;
    private BigDecimal amount;
    private String currency;
    private Stage stage;
    private final Instant createdAt;
    private Instant closedAt;
    private LocalDate expectedCloseOn;
    private String lostReason, competitor;
    private final List<Change> changes = new ArrayList<>();

    private Opportunity(Long id, long version, Instant createdAt) {
        this.id = id;
        this.version = version;
        this.createdAt = createdAt;
    }

    /** A new opportunity in PROSPECTING. */
    static Opportunity open(OpportunityForm form, Long leadId, Instant now, String by) {
        Instant created = form.createdAt() == null ? now : form.createdAt();
        if (created.isAfter(now)) {
            throw ApiError.invalid("createdAt", "must not be in the future", "problem.field.future");
        }
        Opportunity o = new Opportunity(null, 0, created);
        o.edit(form);
        o.leadId = leadId;
        o.stage = Stage.PROSPECTING;
        o.changes.add(new Change(null, Stage.PROSPECTING, created, by));
        return o;
    }

    static Opportunity restore(OpportunityView v) {
        Opportunity o = new Opportunity(v.id(), v.version(), v.createdAt());
        o.externalId = v.externalId();
        o.name = v.name();
        o.accountId = v.accountId();
        o.partnerId = v.partnerId();
        o.ownerId = v.ownerId();
        o.leadId = v.leadId();
        o.channelId = v.channelId();
        o.campaignId = v.campaignId();
        o.productLineId = v.productLineId();
        o.country = v.country();
        o.region = v.region();
        o.city = v.city();
        o.amount = v.amount();
        o.currency = v.currency();
        o.stage = v.stage();
        o.closedAt = v.closedAt();
        o.expectedCloseOn = v.expectedCloseOn();
        o.lostReason = v.lostReason();
        o.competitor = v.competitor();
        return o;
    }

    /**
     * Changes the details; the stage and the lead stay as they are. A won or lost deal keeps its
     * amount, currency and partner: its commission was booked from them and its revenue counted, so
     * changing them means reopening it (which reverses the commission) and closing it again.
     */
    void change(OpportunityForm form) {
        if (stage != null && stage.isClosed() && (form.amount().compareTo(amount) != 0 || !form.currency().equals(currency)
                || !java.util.Objects.equals(form.partnerId(), partnerId))) {
            throw ApiError.conflict("opportunity.closed-terms", "Opportunity " + id + " is " + stage
                    + "; its amount, currency and partner change only after it is reopened.")
                    .saying("problem.opportunity.closed-terms", id);
        }
        edit(form);
    }

    private void edit(OpportunityForm form) {
        externalId = form.externalId();
        name = form.name().trim();
        amount = form.amount();
        currency = form.currency();
        accountId = form.accountId();
        partnerId = form.partnerId();
        ownerId = form.ownerId();
        productLineId = form.productLineId();
        channelId = form.channelId();
        campaignId = form.campaignId();
        country = form.country();
        region = form.region();
        city = form.city();
        expectedCloseOn = form.expectedCloseOn();
    }

    /** Sets where it came from, for one opened from a lead. */
    void attributeTo(Long channel, Long campaign) {
        if (channelId == null) {
            channelId = channel;
        }
        if (campaignId == null) {
            campaignId = campaign;
        }
    }

    void moveTo(Stage target, Instant at, String by) {
        requireOpen("move");
        if (target.isClosed()) {
            throw ApiError.conflict("opportunity.illegal-transition",
                    "Use win or lose to close opportunity " + id + "; move only goes between open stages.")
                    .saying("problem.opportunity.close-by-move");
        }
        if (target == stage) {
            throw ApiError.conflict("opportunity.illegal-transition", "Opportunity " + id + " is in " + stage + " already.")
                    .saying("problem.opportunity.same-stage", id);
        }
        requireNotBeforeLastChange(at);
        changes.add(new Change(stage, target, at, by));
        stage = target;
    }

    void win(Instant at, BigDecimal confirmedAmount, String by) {
        requireOpen("win");
        requireNotBeforeLastChange(at);
        if (confirmedAmount != null) {
            amount = confirmedAmount;
        }
        changes.add(new Change(stage, Stage.WON, at, by));
        stage = Stage.WON;
        closedAt = at;
    }

    void lose(Instant at, String reason, String rival, String by) {
        requireOpen("lose");
        requireNotBeforeLastChange(at);
        changes.add(new Change(stage, Stage.LOST, at, by));
        stage = Stage.LOST;
        closedAt = at;
        lostReason = reason.trim();
        competitor = rival == null || rival.isBlank() ? null : rival.trim();
    }

    /** Opens a closed deal again, in an open stage; returns how it had been closed. */
    Stage reopen(Stage target, Instant at, String by) {
        if (!stage.isClosed()) {
            throw ApiError.conflict("opportunity.illegal-transition", "Opportunity " + id + " is open; only a won or lost deal can be reopened.")
                    .saying("problem.opportunity.open", id);
        }
        Stage to = target == null ? Stage.NEGOTIATION : target;
        if (to.isClosed()) {
            throw ApiError.invalid("stage", "must be an open stage (PROSPECTING, QUALIFICATION, PROPOSAL or NEGOTIATION)",
                    "problem.field.open-stage");
        }
        Stage was = stage;
        changes.add(new Change(stage, to, at, by));
        stage = to;
        closedAt = null;
        lostReason = null;
        competitor = null;
        return was;
    }

    private void requireOpen(String operation) {
        if (stage.isClosed()) {
            throw ApiError.conflict("opportunity.illegal-transition",
                    "Opportunity " + id + " is " + stage + "; it cannot " + operation + " unless it is reopened first.")
                    .saying("problem.opportunity.closed", id);
        }
    }

    private void requireNotBeforeLastChange(Instant at) {
        if (at.isBefore(createdAt)) {
            throw ApiError.invalid("at", "must not be before the opportunity was created (" + createdAt + ")",
                    "problem.field.before-created");
        }
    }

    Long id() { return id; }
    long version() { return version; }
    String externalId() { return externalId; }
    String name() { return name; }
    Long accountId() { return accountId; }
    Long partnerId() { return partnerId; }
    Long ownerId() { return ownerId; }
    Long leadId() { return leadId; }
    Long channelId() { return channelId; }
    Long campaignId() { return campaignId; }
    Long productLineId() { return productLineId; }
    String country() { return country; }
    String region() { return region; }
    String city() { return city; }
    BigDecimal amount() { return amount; }
    String currency() { return currency; }
    Stage stage() { return stage; }
    Instant createdAt() { return createdAt; }
    Instant closedAt() { return closedAt; }
    LocalDate expectedCloseOn() { return expectedCloseOn; }
    String lostReason() { return lostReason; }
    String competitor() { return competitor; }
    List<Change> changes() { return changes; }
}
