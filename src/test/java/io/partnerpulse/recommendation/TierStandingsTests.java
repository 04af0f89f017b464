package io.partnerpulse.recommendation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import io.partnerpulse.partner.PartnerTier;
import io.partnerpulse.partner.TierRequirements.Requirement;
import io.partnerpulse.recommendation.TierStandings.Figures;
import io.partnerpulse.recommendation.TierStandings.Standing;
import io.partnerpulse.recommendation.TierStandings.Status;
import org.junit.jupiter.api.Test;

/** A partner's standing against the tier ladder, worked out by hand; silver counts over six months, the others over twelve. */
class TierStandingsTests {

    static final List<Requirement> LADDER = List.of(
            new Requirement(PartnerTier.PLATINUM, 1, new BigDecimal("5000000"), 25, 12, 0, 0),
            new Requirement(PartnerTier.GOLD, 2, new BigDecimal("500000"), 10, 12, 0, 0),
            new Requirement(PartnerTier.SILVER, 3, new BigDecimal("100000"), 4, 6, 0, 0),
            new Requirement(PartnerTier.REGISTERED, 4, BigDecimal.ZERO, 0, 12, 0, 0));

    /** The same ladder asking Platinum for 3 certified people and Gold for 2. */
    static final List<Requirement> CERTIFIED_LADDER = List.of(
            new Requirement(PartnerTier.PLATINUM, 1, new BigDecimal("5000000"), 25, 12, 3, 0),
            new Requirement(PartnerTier.GOLD, 2, new BigDecimal("500000"), 10, 12, 2, 0),
            new Requirement(PartnerTier.SILVER, 3, new BigDecimal("100000"), 4, 6, 0, 0),
            new Requirement(PartnerTier.REGISTERED, 4, BigDecimal.ZERO, 0, 12, 0, 0));

    static Standing standing(PartnerTier tier, String revenue12, long deals12, String revenue6, long deals6) {
        return standing(LADDER, tier, revenue12, deals12, revenue6, deals6, 0);
    }

    static Standing standing(List<Requirement> ladder, PartnerTier tier, String revenue12, long deals12, String revenue6, long deals6,
                             long people) {
        Map<Integer, Figures> byWindow = Map.of(12, new Figures(new BigDecimal(revenue12), deals12, people),
                6, new Figures(new BigDecimal(revenue6), deals6, people));
        return TierStandings.classify(1, "Acme", tier, ladder, byWindow::get);
    }

    @Test
    void aTierThatAsksForCertifiedPeopleIsMetOnlyWithThem() {
        Standing platinumShort = standing(CERTIFIED_LADDER, PartnerTier.GOLD, "5000000", 25, "0", 0, 2);
        assertThat(platinumShort.status()).as("Platinum's revenue and deals but 2 of its 3 people: meets Gold").isEqualTo(Status.MEETS);
        assertThat(standing(CERTIFIED_LADDER, PartnerTier.GOLD, "5000000", 25, "0", 0, 3).qualifiesFor()).isEqualTo(PartnerTier.PLATINUM);
        Standing goldShort = standing(CERTIFIED_LADDER, PartnerTier.GOLD, "9000000", 40, "0", 0, 1);
        assertThat(goldShort.status()).as("every sum won, one person short").isEqualTo(Status.BELOW);
        assertThat(goldShort.revenueShort()).isEqualByComparingTo("0");
        assertThat(goldShort.dealsShort()).isZero();
        assertThat(goldShort.peopleShort()).isEqualTo(1);
        assertThat(goldShort.certifiedPeople()).isEqualTo(1);
        assertThat(goldShort.requiredPeople()).isEqualTo(2);
        Standing nobody = standing(CERTIFIED_LADDER, PartnerTier.GOLD, "0", 0, "0", 0, 0);
        assertThat(nobody.peopleShort()).isEqualTo(2);
        assertThat(standing(CERTIFIED_LADDER, PartnerTier.SILVER, "100000", 4, "100000", 4, 0).status())
                .as("a tier asking for nobody is met without").isEqualTo(Status.MEETS);
    }

    @Test
    void aPartnerAtABetterTiersMinimumsQualifiesForIt() {
        Standing gold = standing(PartnerTier.GOLD, "5000000", 25, "0", 0);
        assertThat(gold.status()).isEqualTo(Status.QUALIFIES_HIGHER);
        assertThat(gold.qualifiesFor()).isEqualTo(PartnerTier.PLATINUM);
        Standing registered = standing(PartnerTier.REGISTERED, "100000", 4, "100000", 4);
        assertThat(registered.qualifiesFor()).as("silver counts its six months: 100,000 and 4 deals reach it").isEqualTo(PartnerTier.SILVER);
        assertThat(standing(PartnerTier.REGISTERED, "5000000", 25, "5000000", 25).qualifiesFor())
                .as("the best tier it reaches").isEqualTo(PartnerTier.PLATINUM);
    }

    @Test
    void aPartnerOneCentOrOneDealShortOfABetterTierMeetsItsOwn() {
        assertThat(standing(PartnerTier.GOLD, "4999999.99", 30, "0", 0).status()).isEqualTo(Status.MEETS);
        assertThat(standing(PartnerTier.GOLD, "9000000", 24, "0", 0).status()).isEqualTo(Status.MEETS);
        assertThat(standing(PartnerTier.PLATINUM, "5000000", 25, "0", 0).status()).as("nothing above the best").isEqualTo(Status.MEETS);
        assertThat(standing(PartnerTier.REGISTERED, "0", 0, "0", 0).status()).as("nothing asked of the first tier").isEqualTo(Status.MEETS);
    }

    @Test
    void aPartnerBelowItsTierIsToldWhatItIsShortOf() {
        Standing gold = standing(PartnerTier.GOLD, "600000", 9, "600000", 9);
        assertThat(gold.status()).isEqualTo(Status.BELOW);
        assertThat(gold.revenueShort()).isEqualByComparingTo("0");
        assertThat(gold.dealsShort()).isEqualTo(1);
        Standing silver = standing(PartnerTier.SILVER, "200000", 5, "90000", 4);
        assertThat(silver.status()).as("its own six months decide, not the twelve").isEqualTo(Status.BELOW);
        assertThat(silver.revenueShort()).isEqualByComparingTo("10000");
        assertThat(silver.dealsShort()).isZero();
        assertThat(silver.months()).isEqualTo(6);
        assertThat(silver.wonRevenue()).isEqualByComparingTo("90000");
        Standing empty = standing(PartnerTier.GOLD, "0", 0, "0", 0);
        assertThat(empty.revenueShort()).isEqualByComparingTo("500000");
        assertThat(empty.dealsShort()).isEqualTo(10);
    }

    @Test
    void saysWhatAPartnerBelowItsTierIsShortOfInWords() {
        org.springframework.context.support.ResourceBundleMessageSource messages = new org.springframework.context.support.ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        java.util.Locale en = java.util.Locale.ENGLISH;
        io.partnerpulse.shared.Format format = new io.partnerpulse.shared.Format(en, "USD");
        assertThat(TierStandings.said(standing(PartnerTier.GOLD, "0", 0, "0", 0), messages, format, en))
                .isEqualTo("Below its tier: $500,000 and 10 deals short");
        assertThat(TierStandings.said(standing(PartnerTier.GOLD, "600000", 9, "0", 0), messages, format, en)).isEqualTo("Below its tier: 1 deal short");
        assertThat(TierStandings.said(standing(PartnerTier.SILVER, "0", 0, "90000", 4), messages, format, en))
                .isEqualTo("Below its tier: $10,000 short");
        assertThat(TierStandings.said(standing(PartnerTier.GOLD, "5000000", 25, "0", 0), messages, format, en)).isEqualTo("Qualifies for Platinum");
        assertThat(TierStandings.said(standing(PartnerTier.GOLD, "500000", 10, "0", 0), messages, format, en)).isEqualTo("Meets its tier");
        assertThat(TierStandings.said(standing(CERTIFIED_LADDER, PartnerTier.GOLD, "0", 0, "0", 0, 0), messages, format, en))
                .isEqualTo("Below its tier: $500,000, 10 deals and 2 certified people short");
        assertThat(TierStandings.said(standing(CERTIFIED_LADDER, PartnerTier.GOLD, "500000", 10, "0", 0, 1), messages, format, en))
                .isEqualTo("Below its tier: 1 certified person short");
        assertThat(TierStandings.said(standing(CERTIFIED_LADDER, PartnerTier.GOLD, "500000", 9, "0", 0, 1), messages, format, en))
                .isEqualTo("Below its tier: 1 deal and 1 certified person short");
    }
}
