package io.partnerpulse.fund.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;

import io.partnerpulse.fund.ClaimStatus;
import io.partnerpulse.fund.RequestStatus;
import io.partnerpulse.shared.ApiError;
import org.junit.jupiter.api.Test;

/** The guarded steps of a fund request and a claim, without the database. */
class FundStepsTests {

    static final BigDecimal ASKED = new BigDecimal("4000.00");

    FundRequest submitted() {
        return new FundRequest(7, RequestStatus.SUBMITTED, ASKED, null, null);
    }

    @Test
    void approvesAllThatWasAskedWhenNoAmountIsGiven() {
        FundRequest approved = submitted().approve(null, new BigDecimal("10000.00"));
        assertThat(approved.status()).isEqualTo(RequestStatus.APPROVED);
        assertThat(approved.approvedAmount()).isEqualByComparingTo("4000.00");
    }

    @Test
    void approvesPartOfTheRequest() {
        assertThat(submitted().approve(new BigDecimal("3500.00"), new BigDecimal("3500.00")).approvedAmount()).isEqualByComparingTo("3500");
    }

    @Test
    void refusesToApproveMoreThanWasAskedOrThanTheFundHasLeft() {
        assertThatThrownBy(() -> submitted().approve(new BigDecimal("4000.01"), new BigDecimal("10000")))
                .isInstanceOf(ApiError.class).hasMessageContaining("approvedAmount: must not be more than the 4000.00 requested");
        assertThatThrownBy(() -> submitted().approve(null, new BigDecimal("3999.99")))
                .isInstanceOf(ApiError.class).hasMessageContaining("approvedAmount: is more than the 3999.99 left of the allocation");
    }

    @Test
    void decidesARequestOnlyOnce() {
        FundRequest rejected = submitted().reject("  Not this quarter ");
        assertThat(rejected.reason()).isEqualTo("Not this quarter");
        assertThatThrownBy(() -> rejected.approve(null, new BigDecimal("10000")))
                .isInstanceOf(ApiError.class).extracting(e -> ((ApiError) e).code()).isEqualTo("fund.request.decided");
        assertThatThrownBy(() -> submitted().approve(null, BigDecimal.TEN.pow(6)).reject("late"))
                .isInstanceOf(ApiError.class).extracting(e -> ((ApiError) e).code()).isEqualTo("fund.request.decided");
    }

    @Test
    void rejectsOnlyWithAReason() {
        assertThatThrownBy(() -> submitted().reject("   ")).isInstanceOf(ApiError.class).hasMessageContaining("reason");
    }

    @Test
    void withdrawsASubmittedOrAnUnclaimedApprovedRequestKeepingWhatHadBeenApproved() {
        assertThat(submitted().withdraw(null, false).status()).isEqualTo(RequestStatus.CANCELLED);
        FundRequest withdrawn = submitted().approve(null, BigDecimal.TEN.pow(6)).withdraw("Event cancelled", false);
        assertThat(withdrawn.status()).isEqualTo(RequestStatus.CANCELLED);
        assertThat(withdrawn.approvedAmount()).isEqualByComparingTo("4000");
        assertThat(withdrawn.reason()).isEqualTo("Event cancelled");
    }

    @Test
    void keepsAClaimedOrClosedRequest() {
        FundRequest approved = submitted().approve(null, BigDecimal.TEN.pow(6));
        assertThatThrownBy(() -> approved.withdraw(null, true))
                .isInstanceOf(ApiError.class).extracting(e -> ((ApiError) e).code()).isEqualTo("fund.request.claimed");
        assertThatThrownBy(() -> submitted().reject("no").withdraw(null, false))
                .isInstanceOf(ApiError.class).extracting(e -> ((ApiError) e).code()).isEqualTo("fund.request.closed");
    }

    @Test
    void takesClaimsOnlyAgainstAnApprovedRequestUpToWhatIsLeft() {
        FundRequest approved = submitted().approve(new BigDecimal("3500.00"), BigDecimal.TEN.pow(6));
        approved.claim(new BigDecimal("1500.00"), new BigDecimal("1500.00"));
        assertThatThrownBy(() -> approved.claim(new BigDecimal("1500.01"), new BigDecimal("1500.00")))
                .isInstanceOf(ApiError.class).hasMessageContaining("amount: is more than the 1500.00 left to claim");
        assertThatThrownBy(() -> submitted().claim(BigDecimal.ONE, ASKED))
                .isInstanceOf(ApiError.class).hasMessageContaining("requestId: is SUBMITTED");
    }

    @Test
    void paysOnlyAnApprovedClaimOnADayThatHasCome() {
        LocalDate today = LocalDate.of(2026, 11, 29);
        FundClaim claim = new FundClaim(3, ClaimStatus.SUBMITTED, null, null, null);
        assertThatThrownBy(() -> claim.pay(today, "PAY-1", today))
                .isInstanceOf(ApiError.class).extracting(e -> ((ApiError) e).code()).isEqualTo("fund.claim.not-approved");
        FundClaim approved = claim.approve();
        assertThatThrownBy(() -> approved.pay(today.plusDays(1), null, today)).isInstanceOf(ApiError.class).hasMessageContaining("paidOn");
        FundClaim paid = approved.pay(today, "  PAY-1 ", today);
        assertThat(paid.status()).isEqualTo(ClaimStatus.PAID);
        assertThat(paid.paymentReference()).isEqualTo("PAY-1");
        assertThatThrownBy(approved::approve).isInstanceOf(ApiError.class)
                .extracting(e -> ((ApiError) e).code()).isEqualTo("fund.claim.decided");
        assertThatThrownBy(() -> claim.reject(" ")).isInstanceOf(ApiError.class).hasMessageContaining("reason");
    }
}
