package io.partnerpulse.kpi.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.partnerpulse.kpi.ChannelReport;
import io.partnerpulse.kpi.Dimension;
import io.partnerpulse.kpi.KpiQuery;
import io.partnerpulse.kpi.KpiReport;
import io.partnerpulse.kpi.PipelineReport;
import io.partnerpulse.kpi.RecordsPage;

/**
 * The KPI views beside the main report: the marketing channel table (KPI 4), the pipeline as of an
 * instant, and the records behind any number (drill-through).
 */
final class Breakdowns {

    private final KpiCalculator calculator;
    private final KpiSnapshot s;
    private final Keys keys;

    Breakdowns(KpiCalculator calculator) {
        this.calculator = calculator;
        this.s = calculator.snapshot();
        this.keys = calculator.keys();
    }

    // =============================================================================================
    private static final class ChannelSums {
        long leads, leadsWon, opportunities, won, wonCents, spendCents;

        void lead(boolean leadWon) {
            leads++;
            if (leadWon) {
                leadsWon++;
            }
        }

        void deal(boolean created, boolean dealWon, long cents) {
            if (created) {
                opportunities++;
            }
            if (dealWon) {
                won++;
                wonCents += cents;
            }
        }
    }

    ChannelReport channels(KpiQuery q) {
        return channels(q, PeriodTotals.slicesFor((long) s.deals + s.leads));
    }

    /** The channel table (and its campaigns) summed in {@code slices} slices. */
    ChannelReport channels(KpiQuery q, int slices) {
        Filters filters = new Filters(s, keys, q.filters());
        Period p = Period.of(q.from(), q.to(), s.zone);
        // sums in arrays by channel id and by campaign id, in slices on all cores for a big snapshot,
        // ordered (none last) at the end
        boolean filtered = !filters.isEmpty();
        // only the blocks of rows that can hold a lead or deal of the period are read
        TimeBlocks blocks = s.timeBlocks();
        List<ChannelSums[][]> parts = Slices.run(slices, slice -> {
            ChannelSums[] part = new ChannelSums[s.channelName.length];
            ChannelSums[] campaignPart = new ChannelSums[s.campaignName.length];
            int leadsTo = (int) ((long) s.leads * (slice + 1) / slices);
            for (int l = (int) ((long) s.leads * slice / slices); l < leadsTo; l++) {
                if (blocks.skipsLeads(l, p.from(), p.to())) {
                    l += TimeBlocks.SIZE - 1;
                    continue;
                }
                if (s.leadCreated[l] >= p.from() && s.leadCreated[l] < p.to() && (!filtered || filters.lead(l))) {
                    boolean leadWon = s.leadWon(l);
                    sumsOf(part, s.leadChannel[l]).lead(leadWon);
                    sumsOf(campaignPart, s.leadCampaign[l]).lead(leadWon);
                }
            }
            int dealsTo = (int) ((long) s.deals * (slice + 1) / slices);
            for (int d = (int) ((long) s.deals * slice / slices); d < dealsTo; d++) {
                if (blocks.skipsDeals(d, p.from(), p.to())) {
                    d += TimeBlocks.SIZE - 1;
                    continue;
                }
                boolean created = s.dealCreated[d] >= p.from() && s.dealCreated[d] < p.to();
                boolean won = s.dealStage[d] == KpiSnapshot.WON && s.dealClosed[d] >= p.from() && s.dealClosed[d] < p.to();
                if ((created || won) && (!filtered || filters.deal(d))) {
                    sumsOf(part, s.dealChannel[d]).deal(created, won, s.dealCents[d]);
                    sumsOf(campaignPart, s.dealCampaign[d]).deal(created, won, s.dealCents[d]);
                }
            }
            return new ChannelSums[][] {part, campaignPart};
        });
        Map<Integer, ChannelSums> byChannel = merged(parts, 0, s.channelName.length);
        Map<Integer, ChannelSums> byCampaign = merged(parts, 1, s.campaignName.length);
        long fromDay = q.from().toEpochDay();
        long toDay = q.to().toEpochDay();
        for (int k = 0; k < s.campaigns; k++) {
            long start = Math.max(fromDay, s.campaignStartDay[k]);
            long end = Math.min(toDay, s.campaignEndDay[k] + 1);
            if (end <= start || !filters.campaign(s, k)) {
                continue;
            }
            long days = s.campaignEndDay[k] - s.campaignStartDay[k] + 1;
            long spend = BigDecimal.valueOf(s.campaignCents[k]).multiply(BigDecimal.valueOf(end - start))
                    .divide(BigDecimal.valueOf(days), 0, RoundingMode.HALF_EVEN).longValueExact();
            byChannel.computeIfAbsent(s.campaignChannelOf[k], key -> new ChannelSums()).spendCents += spend;
            byCampaign.computeIfAbsent(s.campaignId[k], key -> new ChannelSums()).spendCents += spend;
        }
        ChannelSums total = new ChannelSums();
        Map<Integer, ChannelSums> byType = new TreeMap<>(Comparator.comparingInt((Integer k) -> k == 0 ? Integer.MAX_VALUE : k));
        byChannel.forEach((channel, c) -> {
            add(total, c);
            add(byType.computeIfAbsent(keys.channelType(channel), k -> new ChannelSums()), c);
        });
        List<ChannelReport.Row> channelRows = new ArrayList<>();
        byChannel.forEach((channel, c) -> channelRows.add(row(keys.name(Dimension.CHANNEL, channel),
                keys.label(Dimension.CHANNEL, channel),
                channel == 0 ? null : keys.name(Dimension.CHANNEL_TYPE, keys.channelType(channel)), c, total)));
        List<ChannelReport.Row> typeRows = new ArrayList<>();
        byType.forEach((type, c) -> typeRows.add(row(keys.name(Dimension.CHANNEL_TYPE, type),
                keys.label(Dimension.CHANNEL_TYPE, type), null, c, total)));
        List<ChannelReport.Row> campaignRows = new ArrayList<>();
        byCampaign.forEach((campaign, c) -> campaignRows.add(row(keys.name(Dimension.CAMPAIGN, campaign),
                keys.label(Dimension.CAMPAIGN, campaign),
                campaign == 0 ? null : keys.name(Dimension.CHANNEL_TYPE, keys.channelType(s.campaignChannel[campaign])), c, total)));
        return new ChannelReport(q.from(), q.to(), s.currency, channelRows, typeRows, campaignRows,
                row("total", "All channels", null, total, total), filters.notApplicableToSpend());
    }

    /** One of the slices' sum arrays ({@code which}) added up, by key, none (0) last. */
    private static Map<Integer, ChannelSums> merged(List<ChannelSums[][]> parts, int which, int keyCount) {
        ChannelSums[] sums = new ChannelSums[keyCount];
        for (ChannelSums[][] part : parts) {
            for (int key = 0; key < part[which].length; key++) {
                if (part[which][key] != null) {
                    add(sumsOf(sums, key), part[which][key]);
                }
            }
        }
        Map<Integer, ChannelSums> byKey = new TreeMap<>(Comparator.comparingInt((Integer k) -> k == 0 ? Integer.MAX_VALUE : k));
        for (int key = 0; key < sums.length; key++) {
            if (sums[key] != null) {
                byKey.put(key, sums[key]);
            }
        }
        return byKey;
    }

    private static ChannelSums sumsOf(ChannelSums[] sums, int channel) {
        if (sums[channel] == null) {
            sums[channel] = new ChannelSums();
        }
        return sums[channel];
    }

    private static void add(ChannelSums into, ChannelSums c) {
        into.leads += c.leads;
        into.leadsWon += c.leadsWon;
        into.opportunities += c.opportunities;
        into.won += c.won;
        into.wonCents += c.wonCents;
        into.spendCents += c.spendCents;
    }

    private static ChannelReport.Row row(String key, String label, String type, ChannelSums c, ChannelSums total) {
        BigDecimal spend = KpiCalculator.money(c.spendCents);
        BigDecimal revenue = KpiCalculator.money(c.wonCents);
        return new ChannelReport.Row(key, label, type, c.leads, c.opportunities, c.won, revenue,
                new KpiReport.Ratio(KpiCalculator.ratio(c.leadsWon, c.leads), BigDecimal.valueOf(c.leadsWon),
                        BigDecimal.valueOf(c.leads), "cohort", null, null),
                spend,
                c.leads == 0 ? null : spend.divide(BigDecimal.valueOf(c.leads), KpiCalculator.MONEY, RoundingMode.HALF_EVEN),
                c.won == 0 ? null : spend.divide(BigDecimal.valueOf(c.won), KpiCalculator.MONEY, RoundingMode.HALF_EVEN),
                c.spendCents == 0 ? null : KpiCalculator.ratio(c.wonCents - c.spendCents, c.spendCents),
                KpiCalculator.ratio(c.wonCents, total.wonCents));
    }

    // =============================================================================================
    PipelineReport pipeline(Instant at, Map<Dimension, List<String>> filterValues, Dimension groupBy) {
        Filters filters = new Filters(s, keys, filterValues);
        long t = at.getEpochSecond() + (at.getNano() > 0 ? 1 : 0);
        Map<Integer, long[]> groups = new TreeMap<>(Comparator.comparingInt((Integer k) -> k == 0 ? Integer.MAX_VALUE : k));
        for (int d = 0; d < s.deals; d++) {
            if (s.dealCreated[d] < t && s.dealClosed[d] >= t && filters.deal(d)) {
                byte stage = s.stageBefore(d, t);
                if (stage < 0 || stage >= KpiSnapshot.WON) {
                    continue;
                }
                long[] sums = groups.computeIfAbsent(groupBy == null ? 0 : keys.deal(groupBy, d, t - 1), k -> new long[12]);
                sums[stage]++;
                sums[4 + stage] += s.dealCents[d];
                sums[8 + stage] += calculator.probabilities().weightedCents(s.dealCents[d], stage);
            }
        }
        if (groupBy == null && groups.isEmpty()) {
            groups.put(0, new long[12]);
        }
        List<PipelineReport.Group> result = new ArrayList<>();
        groups.forEach((key, sums) -> {
            List<KpiReport.StageSlice> byStage = new ArrayList<>();
            long count = 0;
            long cents = 0;
            BigDecimal weighted = BigDecimal.ZERO;
            for (int stage = 0; stage < 4; stage++) {
                BigDecimal w = KpiCalculator.money(sums[8 + stage]);
                byStage.add(new KpiReport.StageSlice(KpiSnapshot.STAGES[stage], calculator.probabilities().of(stage), sums[stage],
                        KpiCalculator.money(sums[4 + stage]), w));
                count += sums[stage];
                cents += sums[4 + stage];
                weighted = weighted.add(w);
            }
            result.add(new PipelineReport.Group(groupBy == null ? "all" : keys.name(groupBy, key),
                    groupBy == null ? "All" : keys.label(groupBy, key), count, KpiCalculator.money(cents), weighted, byStage));
        });
        return new PipelineReport(at, s.currency, groupBy == null ? null : groupBy.apiName(), result);
    }

    // =============================================================================================
    /** The KPIs that have records behind them, by API name. */
    static final List<String> DRILLABLE = List.of("averageDealSize", "dealCount", "wonRevenue", "salesCycleDays",
            "qualityScore", "winRate", "closeRate", "pipeline", "dealSuccess");

    RecordsPage records(String kpi, KpiQuery q, Integer groupKey, int page, int size) {
        Filters filters = new Filters(s, keys, q.filters());
        Period p = Period.of(q.from(), q.to(), s.zone);
        Dimension g = q.groupBy();
        String kind = switch (kpi) {
            case "closeRate" -> q.closeRate() == KpiQuery.CloseRateVariant.WIN_RATE ? "winRate" : "closeRate";
            case "averageDealSize", "dealCount", "wonRevenue", "salesCycleDays", "qualityScore" -> "won";
            default -> kpi;
        };
        // first the matching records, each with its sort key (newest or largest first, then by id);
        // the page's items are made only for the records on the page
        List<Hit> hits = new ArrayList<>();
        switch (kind) {
            case "won", "winRate" -> {
                for (int d = 0; d < s.deals; d++) {
                    long closed = s.dealClosed[d];
                    boolean won = s.dealStage[d] == KpiSnapshot.WON;
                    if (closed >= p.from() && closed < p.to() && (won || kind.equals("winRate")) && filters.deal(d)
                            && inGroup(g, groupKey, keys.deal(g == null ? Dimension.PARTNER : g, d, closed))) {
                        hits.add(new Hit(d, closed, s.dealId[d], (byte) -1));
                    }
                }
            }
            case "pipeline" -> {
                for (int d = 0; d < s.deals; d++) {
                    if (s.dealCreated[d] < p.to() && s.dealClosed[d] >= p.to() && filters.deal(d)
                            && inGroup(g, groupKey, keys.deal(g == null ? Dimension.PARTNER : g, d, p.to() - 1))) {
                        byte stage = s.stageBefore(d, p.to());
                        if (stage >= 0 && stage < KpiSnapshot.WON) {
                            hits.add(new Hit(d, s.dealCents[d], s.dealId[d], stage));
                        }
                    }
                }
            }
            case "closeRate" -> {
                for (int l = 0; l < s.leads; l++) {
                    long created = s.leadCreated[l];
                    if (created >= p.from() && created < p.to() && filters.lead(l)
                            && inGroup(g, groupKey, keys.lead(g == null ? Dimension.PARTNER : g, l, created))) {
                        hits.add(new Hit(l, created, s.leadId[l], (byte) -1));
                    }
                }
            }
            case "dealSuccess" -> {
                for (int r = 0; r < s.registrations; r++) {
                    byte outcome = s.registrationOutcome[r];
                    int d = s.registrationDeal[r];
                    long at = outcome == KpiSnapshot.APPROVED && d >= 0 ? s.dealClosed[d]
                            : outcome == KpiSnapshot.REJECTED || outcome == KpiSnapshot.EXPIRED ? s.registrationDecided[r]
                            : KpiSnapshot.OPEN;
                    if (at >= p.from() && at < p.to() && filters.registration(r)
                            && inGroup(g, groupKey, keys.registration(g == null ? Dimension.PARTNER : g, r, at))) {
                        hits.add(new Hit(r, at, s.registrationId[r], (byte) -1));
                    }
                }
            }
            default -> throw new IllegalArgumentException(kpi);
        }
        hits.sort(Hit.ORDER);
        int from = (int) Math.min(hits.size(), (long) page * size);   // a page far past the end is empty, not an overflow
        int to = Math.min(hits.size(), from + size);
        List<RecordsPage.Item> items = new ArrayList<>(to - from);
        for (Hit hit : hits.subList(from, to)) {
            items.add(switch (kind) {
                case "won", "winRate" -> deal(hit.index(), null, s.dealStage[hit.index()] == KpiSnapshot.WON);
                case "pipeline" -> deal(hit.index(), hit.stage(), null);
                case "closeRate" -> lead(hit.index());
                default -> registration(hit.index(), hit.key());
            });
        }
        return new RecordsPage(kpi, q.from(), q.to(), g == null ? null : g.apiName(),
                groupKey == null || g == null ? null : keys.name(g, groupKey), s.currency, page, size, hits.size(),
                List.copyOf(items));
    }

    /** A record behind a number: its index, what it sorts by (descending), its id (ascending on ties), its stage at the end. */
    private record Hit(int index, long key, long id, byte stage) {
        static final Comparator<Hit> ORDER = Comparator.comparingLong(Hit::key).reversed().thenComparingLong(Hit::id);
    }

    private static boolean inGroup(Dimension groupBy, Integer groupKey, int key) {
        return groupBy == null || groupKey == null || key == groupKey;
    }

    private RecordsPage.Item deal(int d, Byte stageAtEnd, Boolean counts) {
        boolean closed = s.dealClosed[d] != KpiSnapshot.OPEN;
        BigDecimal base = KpiCalculator.money(s.dealCents[d]);
        int partner = s.dealPartner[d];
        int owner = s.dealOwner[d];
        return new RecordsPage.Item("opportunity", s.dealId[d], s.dealName[d], partner == 0 ? null : (long) partner,
                partner == 0 ? null : keys.label(Dimension.PARTNER, partner), owner == 0 ? null : (long) owner,
                owner == 0 ? null : keys.label(Dimension.EMPLOYEE, owner),
                s.dealChannel[d] == 0 ? null : keys.label(Dimension.CHANNEL, s.dealChannel[d]),
                KpiSnapshot.STAGES[s.dealStage[d]], stageAtEnd == null ? null : KpiSnapshot.STAGES[stageAtEnd],
                stageAtEnd == null ? null : calculator.probabilities().of(stageAtEnd),
                BigDecimal.valueOf(s.dealAmountUnscaled[d], 2), s.dealCurrency[d], base,
                stageAtEnd == null ? null : KpiCalculator.money(calculator.probabilities().weightedCents(s.dealCents[d], stageAtEnd)),
                Instant.ofEpochSecond(s.dealCreated[d]), closed ? Instant.ofEpochSecond(s.dealClosed[d]) : null,
                closed ? BigDecimal.valueOf(s.dealClosed[d] - s.dealCreated[d]).divide(BigDecimal.valueOf(86_400), 2, RoundingMode.HALF_EVEN) : null,
                null, null, null, counts);
    }

    private RecordsPage.Item lead(int l) {
        int d = s.leadDeal[l];
        int partner = s.leadPartner[l];
        int owner = s.leadOwner[l];
        return new RecordsPage.Item("lead", s.leadId[l], s.leadCompany[l], partner == 0 ? null : (long) partner,
                partner == 0 ? null : keys.label(Dimension.PARTNER, partner), owner == 0 ? null : (long) owner,
                owner == 0 ? null : keys.label(Dimension.EMPLOYEE, owner),
                s.leadChannel[l] == 0 ? null : keys.label(Dimension.CHANNEL, s.leadChannel[l]),
                d >= 0 ? KpiSnapshot.STAGES[s.dealStage[d]] : null, null, null, null, null, null, null,
                Instant.ofEpochSecond(s.leadCreated[l]), null, null, null, null, d >= 0 ? s.dealId[d] : null,
                d >= 0 && s.dealStage[d] == KpiSnapshot.WON);
    }

    private RecordsPage.Item registration(int r, long at) {
        int d = s.registrationDeal[r];
        int partner = s.registrationPartner[r];
        byte outcome = s.registrationOutcome[r];
        String[] outcomes = {"PENDING", "APPROVED", "REJECTED", "EXPIRED"};
        return new RecordsPage.Item("registration", s.registrationId[r], s.registrationCustomer[r], (long) partner,
                keys.label(Dimension.PARTNER, partner), null, null, null,
                d >= 0 ? KpiSnapshot.STAGES[s.dealStage[d]] : null, null, null,
                d >= 0 ? BigDecimal.valueOf(s.dealAmountUnscaled[d], 2) : null, d >= 0 ? s.dealCurrency[d] : null,
                d >= 0 ? KpiCalculator.money(s.dealCents[d]) : null, null,
                Instant.ofEpochSecond(s.registrationSubmitted[r]), d >= 0 && s.dealClosed[d] != KpiSnapshot.OPEN
                ? Instant.ofEpochSecond(s.dealClosed[d]) : null, null, outcomes[outcome], Instant.ofEpochSecond(at),
                d >= 0 ? s.dealId[d] : null, outcome == KpiSnapshot.APPROVED && d >= 0 && s.dealStage[d] == KpiSnapshot.WON);
    }
}
