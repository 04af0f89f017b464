package io.partnerpulse.fund;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import io.partnerpulse.shared.Versioned;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** Views and forms of fund allocations, requests and claims, and what a fund returned. */
public final class FundRecords {

    private FundRecords() {
    }

    /**
     * A partner's fund for a period, with what has been done with it so far (all in its currency).
     *
     * @param periodEnd first day after the period (exclusive)
     * @param approved  approved for requests that are not withdrawn: no longer available
     * @param claimed   claims submitted, approved or paid
     * @param available what requests may still be approved for: amount − approved
     */
    public record AllocationView(long id, long partnerId, LocalDate periodStart, LocalDate periodEnd, BigDecimal amount,
                                 String currency, String note, BigDecimal approved, BigDecimal claimed, BigDecimal paid,
                                 BigDecimal available, long version) implements Versioned {
    }

    public record AllocationForm(@NotNull @Positive Long partnerId, @NotNull LocalDate periodStart, @NotNull LocalDate periodEnd,
                                 @NotNull @DecimalMin("0.01") @Digits(integer = 16, fraction = 2) BigDecimal amount,
                                 @NotNull @Pattern(regexp = "[A-Z]{3}", message = "{problem.field.currency}") String currency,
                                 @Size(max = 2000) String note, Long version) {
    }

    /**
     * A partner's request for money from its allocation for one activity.
     *
     * @param endsOn  last day of the activity, inclusive
     * @param claimed claims submitted, approved or paid against it
     */
    public record RequestView(long id, long allocationId, long partnerId, String activity, String description, Long campaignId,
                              LocalDate startsOn, LocalDate endsOn, BigDecimal requestedAmount, BigDecimal approvedAmount,
                              String currency, RequestStatus status, Instant submittedAt, String submittedBy, Instant decidedAt,
                              String decidedBy, String reason, BigDecimal claimed, long version) implements Versioned {

        /** What may still be claimed: approved − claimed (nothing unless approved). */
        public BigDecimal claimable() {
            return status == RequestStatus.APPROVED ? approvedAmount.subtract(claimed).max(BigDecimal.ZERO) : BigDecimal.ZERO;
        }
    }

    /** @param campaignId the partner's co-marketing campaign the money pays for: its won deals are the fund's return */
    public record RequestForm(@NotNull @Positive Long allocationId, @NotBlank @Size(max = 200) String activity,
                              @Size(max = 4000) String description, @Positive Long campaignId, @NotNull LocalDate startsOn,
                              @NotNull LocalDate endsOn,
                              @NotNull @DecimalMin("0.01") @Digits(integer = 16, fraction = 2) BigDecimal requestedAmount) {
    }

    /** @param approvedAmount at most what was requested; empty approves all of it */
    public record Approval(@DecimalMin("0.01") @Digits(integer = 16, fraction = 2) BigDecimal approvedAmount, Long version) {
    }

    /** A rejection or a withdrawal, with why. */
    public record Refusal(@Size(max = 1000) String reason, Long version) {
    }

    public record ClaimView(long id, long requestId, long partnerId, BigDecimal amount, String currency, String proof,
                            ClaimStatus status, Instant submittedAt, String submittedBy, Instant decidedAt, String decidedBy,
                            String reason, LocalDate paidOn, String paymentReference, long version) implements Versioned {
    }

    /** @param proof what was done and what shows it (invoice numbers, links to the material, attendance) */
    public record ClaimForm(@NotNull @Positive Long requestId,
                            @NotNull @DecimalMin("0.01") @Digits(integer = 16, fraction = 2) BigDecimal amount,
                            @NotBlank @Size(max = 4000) String proof) {
    }

    public record Payment(@NotNull LocalDate paidOn, @Size(max = 200) String paymentReference, Long version) {
    }

    /**
     * What a request's money brought back, in the base currency: the leads and deals of the campaign it
     * paid for (of its partner), against what was paid for it.
     *
     * @param endsOn  the activity's last day
     * @param paid    its paid claims, at the rate of the day they were paid
     * @param revenue its campaign's won deals of its partner, at the rate of the day each was won
     * @param roi     (revenue − paid) ÷ paid; empty when nothing was paid yet
     */
    public record FundReturn(long requestId, long partnerId, String partnerName, String activity, Long campaignId, LocalDate endsOn, long leads, long wonDeals,
                             BigDecimal revenue, BigDecimal openPipeline, BigDecimal paid, BigDecimal roi) {
    }

    /**
     * A partner's funds in the base currency over the allocations asked for; revenue counts each funded
     * campaign once, however many requests paid for it.
     */
    public record Totals(BigDecimal allocated, BigDecimal approved, BigDecimal claimed, BigDecimal paid, BigDecimal available,
                         long campaigns, long wonDeals, BigDecimal revenue, BigDecimal roi) {
    }

    /** A co-marketing campaign a fund request may name. */
    public record CampaignChoice(long id, String name, long partnerId) {
    }

    /** A file that proves a claim, without its content. */
    public record DocumentView(long id, long claimId, String fileName, String contentType, long sizeBytes, String sha256,
                               Instant uploadedAt, String uploadedBy) {
    }

    /** A file as uploaded: its name and bytes (its type is told from the bytes). */
    public record Upload(String fileName, byte[] content) {
    }

    /** A proof's content, to download. */
    public record DocumentContent(DocumentView document, byte[] content) {
    }
}
