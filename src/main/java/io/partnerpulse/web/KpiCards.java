package io.partnerpulse.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.partnerpulse.kpi.ChannelReport;
import io.partnerpulse.kpi.Dimension;
import io.partnerpulse.kpi.KpiQuery;
import io.partnerpulse.kpi.KpiReport;
import io.partnerpulse.kpi.Kpis;
import io.partnerpulse.shared.Format;
import io.partnerpulse.shared.OrganizationSettings;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The eight KPI cards of a query (program, partner, employee, department or unit): value, note,
 * change against the previous period and the same period last year, target attainment.
 */
@Component
class KpiCards {

    private final Kpis kpis;
    private final OrganizationSettings organization;
    private final MessageSource messages;

    KpiCards(Kpis kpis, OrganizationSettings organization, MessageSource messages) {
        this.kpis = kpis;
        this.organization = organization;
        this.messages = messages;
    }

    /** The cards, and whether the period holds nothing at all. */
    record Result(List<Card> cards, boolean empty) {
    }

    Result cards(KpiQuery query, Locale locale) {
        Selection selection = new Selection(null, query.from(), query.to(), null, null, null, null, null, null, null);
        KpiReport.Kpis k = kpis.report(query).groups().get(0).kpis();
        ChannelReport channels = kpis.channels(query);
        ChannelReport channelsBefore = kpis.channels(query.withPeriod(KpiQuery.shift(selection.from(), selection.to(), selection.from(), -1), selection.from()));
        ChannelReport channelsYearBefore = kpis.channels(query.withPeriod(selection.from().minusYears(1), selection.to().minusYears(1)));
        List<KpiReport.Group> partners = kpis.report(query.withGroupBy(Dimension.PARTNER)).groups();
        Format f = new Format(locale, organization.currency());

        List<Card> cards = new ArrayList<>();
        cards.add(new Card("averageDealSize", msg("kpi.averageDealSize", locale), f.money(k.averageDealSize().value()),
                msg("kpi.averageDealSize.note", locale, f.money(k.averageDealSize().median())),
                change(k.averageDealSize().value(), k.averageDealSize().previous(), f), change(k.averageDealSize().value(), k.averageDealSize().lastYear(), f),
                null, "averageDealSize"));
        cards.add(new Card("dealCount", msg("kpi.dealCount", locale), f.count(k.dealCount().value()),
                msg("kpi.dealCount.note", locale, f.money(k.wonRevenue().value())),
                change(BigDecimal.valueOf(k.dealCount().value()), k.dealCount().previous(), f),
                change(BigDecimal.valueOf(k.dealCount().value()), k.dealCount().lastYear(), f),
                f.attainment(k.wonRevenue().attainment()), "dealCount"));
        cards.add(new Card("pipeline", msg("kpi.pipeline", locale), f.money(k.pipeline().amount()),
                msg("kpi.pipeline.note", locale, f.money(k.pipeline().weightedAmount()), f.ratio(k.pipeline().coverage())),
                change(k.pipeline().amount(), k.pipeline().previous(), f), change(k.pipeline().amount(), k.pipeline().lastYear(), f),
                f.attainment(k.pipeline().attainment()), "pipeline"));
        cards.add(new Card("channels", msg("kpi.channels", locale), f.percent(channels.total().roi()),
                msg("kpi.channels.note", locale, f.money(channels.total().spend()), f.money(channels.total().wonRevenue())),
                change(channels.total().roi(), Optional.ofNullable(channelsBefore.total().roi()), f),
                change(channels.total().roi(), Optional.ofNullable(channelsYearBefore.total().roi()), f), null, null));
        cards.add(new Card("closeRate", msg("kpi.closeRate", locale), f.percent(k.closeRate().value()),
                msg("kpi.closeRate.note", locale, f.percent(k.winRate().value())),
                change(k.closeRate().value(), k.closeRate().previous(), f), change(k.closeRate().value(), k.closeRate().lastYear(), f),
                null, "closeRate"));
        cards.add(new Card("velocity", msg("kpi.velocity", locale), f.money(k.salesVelocity().value()),
                msg("kpi.velocity.note", locale, f.decimal(k.salesCycleDays().value())),
                change(k.salesVelocity().value(), k.salesVelocity().previous(), f), change(k.salesVelocity().value(), k.salesVelocity().lastYear(), f),
                null, "salesCycleDays"));
        List<String> onePartner = query.filters().get(Dimension.PARTNER);
        if (onePartner != null && onePartner.size() == 1) {
            KpiReport.QualityScore score = partners.stream().filter(g -> g.key().equals(onePartner.get(0)))
                    .map(g -> g.kpis().qualityScore()).filter(q -> q != null).findFirst().orElse(null);
            BigDecimal value = score == null ? null : score.value();
            BigDecimal before = score == null || score.previous() == null ? null : score.previous().orElse(null);
            cards.add(new Card("qualityScore", msg("kpi.qualityScore.partner", locale), f.decimal(value),
                    score == null || score.rank() == null ? msg("kpi.qualityScore.inactive", locale)
                            : msg("kpi.qualityScore.rank", locale, score.rank(), score.peers()),
                    change(value, Optional.ofNullable(before), f), null, null, null));
        } else {
            List<BigDecimal> scores = partners.stream().map(g -> g.kpis().qualityScore()).filter(s -> s != null && s.value() != null)
                    .map(KpiReport.QualityScore::value).toList();
            List<BigDecimal> before = partners.stream().map(g -> g.kpis().qualityScore())
                    .filter(s -> s != null && s.previous() != null && s.previous().isPresent()).map(s -> s.previous().get()).toList();
            BigDecimal median = median(scores);
            cards.add(new Card("qualityScore", msg("kpi.qualityScore", locale), f.decimal(median),
                    msg("kpi.qualityScore.note", locale, f.count(scores.size()), scores.size()), change(median, Optional.ofNullable(median(before)), f), null,
                    null, null));
        }
        cards.add(new Card("dealSuccess", msg("kpi.dealSuccess", locale), f.percent(k.dealSuccess().value()),
                msg("kpi.dealSuccess.note", locale, f.percent(k.dealSuccess().approvalRate().value())),
                change(k.dealSuccess().value(), k.dealSuccess().previous(), f), change(k.dealSuccess().value(), k.dealSuccess().lastYear(), f),
                null, "dealSuccess"));

        boolean empty = k.dealCount().createdCount() == 0 && k.dealCount().value() == 0 && k.pipeline().count() == 0
                && k.closeRate().denominator().signum() == 0;
        return new Result(cards, empty);
    }


    private static BigDecimal median(List<BigDecimal> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<BigDecimal> sorted = values.stream().sorted().toList();
        int mid = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(mid)
                : sorted.get(mid - 1).add(sorted.get(mid)).divide(BigDecimal.valueOf(2), 2, RoundingMode.HALF_EVEN);
    }

    private static Card.Change change(BigDecimal now, Optional<BigDecimal> before, Format f) {
        if (now == null || before == null || before.isEmpty() || before.get().signum() == 0) {
            return null;
        }
        BigDecimal change = now.subtract(before.get()).divide(before.get().abs(), 4, RoundingMode.HALF_EVEN);
        return new Card.Change((change.signum() > 0 ? "+" : "") + f.percent(change), change.signum() > 0 ? "up" : change.signum() < 0 ? "down" : "flat");
    }

    private String msg(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
