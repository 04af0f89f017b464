package io.partnerpulse.recommendation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import io.partnerpulse.PartnerPulseIntegrationTest;
import io.partnerpulse.shared.OrganizationSettings;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/** The recommendation rules on the demo data, whose story says what they must find. */
@PartnerPulseIntegrationTest
@TestPropertySource(properties = "partnerpulse.demo.enabled=true")
class RecommendationDemoTests {

    @Autowired
    Recommendations recommendations;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    OrganizationSettings organization;

    LocalDate quarterStart(int quartersBack) {
        LocalDate today = LocalDate.now(organization.timeZone());
        LocalDate quarter = LocalDate.of(today.getYear(), ((today.getMonthValue() - 1) / 3) * 3 + 1, 1);
        return quarter.minusMonths(3L * quartersBack);
    }

    @Test
    void theWeakPartnersOfTheStoryAreUpForReviewAndNoOneElse() {
        LocalDate from = quarterStart(1);
        List<Recommendation> plan = recommendations.plan(Recommendations.Scope.PROGRAM, null, from, from.plusMonths(3), Locale.ENGLISH);
        List<Long> flagged = plan.stream().filter(r -> r.kind().equals("deal-success-review"))
                .map(r -> (Long) r.evidence().get("partnerId")).toList();
        assertThat(flagged).isNotEmpty();
        // the generator makes every eighth partner weak (ids 4, 12, 20, …): low success, many rejected registrations
        assertThat(flagged).allMatch(id -> (id - 1) % 8 == 3);
        long one = flagged.get(0);
        assertThat(recommendations.plan(Recommendations.Scope.PARTNER, one, from, from.plusMonths(3), Locale.ENGLISH))
                .extracting(Recommendation::kind).contains("deal-success-review");
    }

    @Test
    void theChannelThatLosesMoneyGetsTheSpendRecommendation() {
        LocalDate from = quarterStart(1);
        List<Recommendation> plan = recommendations.plan(Recommendations.Scope.PROGRAM, null, from, from.plusMonths(3), Locale.ENGLISH);
        assertThat(plan).filteredOn(r -> r.kind().equals("channel-spend")).extracting(Recommendation::subject).containsExactly("Display Ads");
        Recommendation ads = plan.stream().filter(r -> r.kind().equals("channel-spend")).findFirst().orElseThrow();
        assertThat(ads.value()).isNegative();
        assertThat(ads.severity()).isEqualTo(Recommendation.Severity.MEDIUM);
    }

    @Test
    void theSummerProductLinesWinterDipIsExpectedAfterTheSummer() {
        LocalDate today = LocalDate.now(organization.timeZone());
        int year = today.isBefore(LocalDate.of(today.getYear(), 10, 1)) ? today.getYear() - 1 : today.getYear();
        LocalDate summer = LocalDate.of(year, 7, 1);
        List<Recommendation> plan = recommendations.plan(Recommendations.Scope.PROGRAM, null, summer, summer.plusMonths(3), Locale.ENGLISH);
        assertThat(plan).filteredOn(r -> r.kind().equals("seasonal-dip")).extracting(Recommendation::subject).contains("Cooling Systems");
        Recommendation dip = plan.stream().filter(r -> r.kind().equals("seasonal-dip") && r.subject().equals("Cooling Systems"))
                .findFirst().orElseThrow();
        assertThat(dip.comparison()).isEqualTo("SEASON");
        assertThat(dip.severity()).as("expected, not a failure").isEqualTo(Recommendation.Severity.INFO);
    }
}
