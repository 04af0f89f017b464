package io.partnerpulse.kpi.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable, columnar copy of everything the KPIs read: one primitive array per column, one
 * row per deal, lead, registration or campaign. Built whole by {@link KpiSnapshotLoader}, swapped
 * atomically, so that every query sees one consistent state of the database.
 *
 * <p>Times are epoch seconds; money is in cents of the base currency, converted deal by deal at
 * the rate of its close day (or of today while it is open) and rounded half-even to the cent.
 * Entity keys are their database ids; 0 means none. Strings (countries, regions, cities) are
 * interned to small ints by {@link Strings}.
 */
final class KpiSnapshot {

    static final long OPEN = Long.MAX_VALUE;
    static final byte PROSPECTING = 0, QUALIFICATION = 1, PROPOSAL = 2, NEGOTIATION = 3, WON = 4, LOST = 5;
    static final String[] STAGES = {"PROSPECTING", "QUALIFICATION", "PROPOSAL", "NEGOTIATION", "WON", "LOST"};
    static final byte PENDING = 0, APPROVED = 1, REJECTED = 2, EXPIRED = 3;
    static final String[] TIERS = {"PLATINUM", "GOLD", "SILVER", "REGISTERED"};
    static final String[] CHANNEL_TYPES = {"PAID", "EARNED", "OWNED"};

    final Instant loadedAt;
    final LocalDate today;
    final ZoneId zone;
    final String currency;

    // ---- reference data, indexed by id (0 unused) ----
    String[] partnerName = new String[1];
    byte[] partnerTier = new byte[1];
    /** The distributor each partner buys through, a distributor itself, 0 none (two-tier distribution). */
    int[] partnerDistributor = new int[1];
    long[] partnerJoined = new long[1];
    /** Per partner: the times its status changed and the status then (sorted by time). */
    long[][] partnerStatusAt = new long[1][];
    boolean[][] partnerStatusTerminated = new boolean[1][];
    String[] employeeName = new String[1];
    int[] employeeDepartment = new int[1];
    String[] departmentName = new String[1];
    int[] departmentUnit = new int[1];
    String[] unitName = new String[1];
    String[] channelName = new String[1];
    byte[] channelType = new byte[1];
    String[] campaignName = new String[1];
    int[] campaignChannel = new int[1];
    String[] productLineName = new String[1];
    String[] accountName = new String[1];
    Strings countries = new Strings();
    Strings regions = new Strings();
    Strings cities = new Strings();
    /** By country index: whether it is in the southern hemisphere. */
    boolean[] countrySouth = new boolean[0];
    Map<String, String> countryNames = new HashMap<>();

    // ---- deals ----
    int deals;
    long[] dealId;
    String[] dealName;
    int[] dealPartner, dealOwner, dealChannel, dealCampaign, dealCountry, dealRegion, dealCity, dealProduct, dealAccount;
    long[] dealLead;
    /** Finds deals, leads and registrations by id (see {@link IdIndex}). */
    IdIndex dealIds = new IdIndex(0), leadIds = new IdIndex(0), registrationIds = new IdIndex(0);
    byte[] dealStage;
    long[] dealCreated, dealClosed;
    long[] dealCents;
    long[] dealAmountUnscaled;
    String[] dealCurrency;
    boolean[] dealLostToCompetitor;
    /**
     * Stage history: the changes of deal i are at [historyStart[i], historyEnd[i]) of
     * historyStage and historyAt, in time order. Those two are shared by the snapshots made from
     * one full load and only appended to after {@code historyUsed}: a deal whose history changed
     * gets it written again at the end (its old place stays unused until the next full load), so
     * applying a change does not copy the whole history.
     */
    int[] historyStart, historyEnd;
    byte[] historyStage;
    long[] historyAt;
    int historyUsed;

    // ---- leads ----
    int leads;
    long[] leadId;
    int[] leadPartner, leadOwner, leadChannel, leadCampaign, leadCountry, leadRegion, leadCity;
    long[] leadCreated;
    /** Index of the deal the lead became, or -1. */
    int[] leadDeal;
    String[] leadCompany;

    // ---- registrations ----
    int registrations;
    long[] registrationId;
    int[] registrationPartner, registrationProduct, registrationAccount;
    /** Index of the registered deal, or -1. */
    int[] registrationDeal;
    byte[] registrationOutcome;
    long[] registrationSubmitted, registrationDecided;
    String[] registrationCustomer;

    // ---- campaigns with their cost spread over their days ----
    int campaigns;
    int[] campaignId, campaignChannelOf, campaignPartner;
    long[] campaignStartDay, campaignEndDay;
    long[] campaignCents;

    /** Records in currencies without any exchange rate to the base currency, by currency: their money counts as 0. */
    final Map<String, Integer> unconverted = new java.util.TreeMap<>();

    /** The exchange rates the money was converted with (a change of rate loads everything again). */
    KpiSnapshotLoader.Rates rates;

    // ---- targets ----
    List<Target> targets = new ArrayList<>();
    private volatile Map<TargetKey, ScopeTargets> targetsByScope;
    private List<Target> indexedTargets;

    /** Where a target applies: scope (PARTNER, EMPLOYEE, …), the scope's id, metric. */
    record TargetKey(String scope, long id, String metric) {
    }

    /** The targets by scope, id and metric, built once per list of targets (snapshots that share the list share it). */
    Map<TargetKey, ScopeTargets> targetsByScope() {
        Map<TargetKey, ScopeTargets> index = targetsByScope;
        if (index == null || indexedTargets != targets) {
            Map<TargetKey, List<Target>> lists = new HashMap<>();
            for (Target t : targets) {
                lists.computeIfAbsent(new TargetKey(t.scope(), t.scopeId(), t.metric()), k -> new ArrayList<>()).add(t);
            }
            Map<TargetKey, ScopeTargets> built = new HashMap<>();
            lists.forEach((key, list) -> built.put(key, new ScopeTargets(list)));
            indexedTargets = targets;
            targetsByScope = built;
            index = built;
        }
        return index;
    }

    /**
     * The targets of one scope and metric by start day, with the latest end among the first i: the
     * targets that can overlap a period are found by two binary searches instead of a walk through
     * years of monthly targets (the leaderboard asks four times for each of 10,000 partners).
     */
    static final class ScopeTargets {
        final Target[] byStart;
        private final long[] starts;
        private final long[] latestEnd;

        ScopeTargets(List<Target> targets) {
            byStart = targets.stream().sorted(Comparator.comparingLong(Target::startDay)).toArray(Target[]::new);
            starts = new long[byStart.length];
            latestEnd = new long[byStart.length];
            for (int i = 0; i < byStart.length; i++) {
                starts[i] = byStart[i].startDay();
                latestEnd[i] = Math.max(i == 0 ? Long.MIN_VALUE : latestEnd[i - 1], byStart[i].endDay());
            }
        }

        /** The first index whose target, or a later one, may end after {@code fromDay}. */
        int first(long fromDay) {
            return firstAtLeast(latestEnd, fromDay + 1);
        }

        /** The first index whose target starts on or after {@code toDay}: none from there overlaps. */
        int end(long toDay) {
            return firstAtLeast(starts, toDay);
        }

        /** The first index of an ascending array holding {@code bound} or more; its length if none. */
        private static int firstAtLeast(long[] ascending, long bound) {
            int low = 0;
            int high = ascending.length;
            while (low < high) {
                int mid = (low + high) >>> 1;
                if (ascending[mid] >= bound) {
                    high = mid;
                } else {
                    low = mid + 1;
                }
            }
            return low;
        }
    }

    record Target(String scope, long scopeId, String metric, LocalDate start, LocalDate end, long cents, long startDay, long endDay) {

        Target(String scope, long scopeId, String metric, LocalDate start, LocalDate end, long cents) {
            this(scope, scopeId, metric, start, end, cents, start.toEpochDay(), end.toEpochDay());
        }
    }

    KpiSnapshot(Instant loadedAt, LocalDate today, ZoneId zone, String currency) {
        this.loadedAt = loadedAt;
        this.today = today;
        this.zone = zone;
        this.currency = currency;
    }

    /**
     * A copy that shares every array with this one, for {@link KpiSnapshotLoader#apply} to change
     * column by column: it replaces an array before it writes into it (copy on write), except
     * beyond this snapshot's last row, which no reader of this snapshot looks at.
     */
    KpiSnapshot sharing(Instant loadedAt) {
        KpiSnapshot c = new KpiSnapshot(loadedAt, today, zone, currency);
        c.partnerName = partnerName;
        c.partnerTier = partnerTier;
        c.partnerDistributor = partnerDistributor;
        c.partnerJoined = partnerJoined;
        c.partnerStatusAt = partnerStatusAt;
        c.partnerStatusTerminated = partnerStatusTerminated;
        c.employeeName = employeeName;
        c.employeeDepartment = employeeDepartment;
        c.departmentName = departmentName;
        c.departmentUnit = departmentUnit;
        c.unitName = unitName;
        c.channelName = channelName;
        c.channelType = channelType;
        c.campaignName = campaignName;
        c.campaignChannel = campaignChannel;
        c.productLineName = productLineName;
        c.accountName = accountName;
        c.countries = countries.copy();
        c.regions = regions.copy();
        c.cities = cities.copy();
        c.countrySouth = countrySouth;
        c.countryNames = countryNames;

        c.deals = deals;
        c.dealIds = dealIds;
        c.leadIds = leadIds;
        c.registrationIds = registrationIds;
        c.rates = rates;
        c.dealId = dealId;
        c.dealName = dealName;
        c.dealPartner = dealPartner;
        c.dealOwner = dealOwner;
        c.dealChannel = dealChannel;
        c.dealCampaign = dealCampaign;
        c.dealCountry = dealCountry;
        c.dealRegion = dealRegion;
        c.dealCity = dealCity;
        c.dealProduct = dealProduct;
        c.dealAccount = dealAccount;
        c.dealLead = dealLead;
        c.dealStage = dealStage;
        c.dealCreated = dealCreated;
        c.dealClosed = dealClosed;
        c.dealCents = dealCents;
        c.dealAmountUnscaled = dealAmountUnscaled;
        c.dealCurrency = dealCurrency;
        c.dealLostToCompetitor = dealLostToCompetitor;
        c.historyStart = historyStart;
        c.historyEnd = historyEnd;
        c.historyStage = historyStage;
        c.historyAt = historyAt;
        c.historyUsed = historyUsed;

        c.leads = leads;
        c.leadId = leadId;
        c.leadPartner = leadPartner;
        c.leadOwner = leadOwner;
        c.leadChannel = leadChannel;
        c.leadCampaign = leadCampaign;
        c.leadCountry = leadCountry;
        c.leadRegion = leadRegion;
        c.leadCity = leadCity;
        c.leadCreated = leadCreated;
        c.leadDeal = leadDeal;
        c.leadCompany = leadCompany;

        c.registrations = registrations;
        c.registrationId = registrationId;
        c.registrationPartner = registrationPartner;
        c.registrationProduct = registrationProduct;
        c.registrationAccount = registrationAccount;
        c.registrationDeal = registrationDeal;
        c.registrationOutcome = registrationOutcome;
        c.registrationSubmitted = registrationSubmitted;
        c.registrationDecided = registrationDecided;
        c.registrationCustomer = registrationCustomer;

        c.campaigns = campaigns;
        c.campaignId = campaignId;
        c.campaignChannelOf = campaignChannelOf;
        c.campaignPartner = campaignPartner;
        c.campaignStartDay = campaignStartDay;
        c.campaignEndDay = campaignEndDay;
        c.campaignCents = campaignCents;
        c.unconverted.putAll(unconverted);
        c.targets = targets;
        if (targetsByScope != null && indexedTargets == targets) {
            c.indexedTargets = targets;
            c.targetsByScope = targetsByScope;
        }
        return c;
    }

    private volatile TimeBlocks timeBlocks;

    /** Per block of rows, when its leads and deals were created and closed; built on first use (not shared by copies). */
    TimeBlocks timeBlocks() {
        TimeBlocks blocks = timeBlocks;
        if (blocks == null) {
            blocks = TimeBlocks.of(this);
            timeBlocks = blocks;
        }
        return blocks;
    }

    /** The index of the deal with this id, or -1. */
    int dealIndexOf(long id) {
        return dealIds.indexOf(dealId, deals, id);
    }

    /** Whether lead {@code l} became a deal that is won (the close rate's numerator). */
    boolean leadWon(int l) {
        int d = leadDeal[l];
        return d >= 0 && dealStage[d] == WON;
    }

    /** The stage deal {@code d} was in just before instant {@code at}, or -1 if it did not exist yet. */
    byte stageBefore(int d, long at) {
        int first = historyStart[d];
        int end = historyEnd[d];
        if (end > first && historyAt[end - 1] < at) {
            return historyStage[end - 1];   // its last change came before: the stage that change left (most open deals)
        }
        byte stage = -1;
        for (int h = first; h < end; h++) {
            if (historyAt[h] < at) {
                stage = historyStage[h];
            } else {
                break;
            }
        }
        if (stage < 0 && dealCreated[d] < at) {
            // a deal without history (written around the domain) is taken to have been in its stage
            stage = dealStage[d] >= WON ? PROSPECTING : dealStage[d];
        }
        return stage;
    }

    /** Whether the partner was terminated at any time in [from, to). */
    boolean terminatedDuring(int partner, long from, long to) {
        long[] at = partnerStatusAt[partner];
        boolean[] terminated = partnerStatusTerminated[partner];
        if (at == null) {
            return false;
        }
        boolean current = false;
        for (int i = 0; i < at.length; i++) {
            if (at[i] < from) {
                current = terminated[i];
            } else if (at[i] < to) {
                if (terminated[i]) {
                    return true;
                }
            } else {
                break;
            }
        }
        return current;
    }

    /** Interns strings to dense ints: 0 is "none". */
    static final class Strings {
        private final Map<String, Integer> index;
        private final List<String> values;

        Strings() {
            this(new HashMap<>(), new ArrayList<>(List.of("")));
        }

        private Strings(Map<String, Integer> index, List<String> values) {
            this.index = index;
            this.values = values;
        }

        /** A copy to intern more values into while readers use this one: same values, same ints. */
        Strings copy() {
            return new Strings(new HashMap<>(index), new ArrayList<>(values));
        }

        int intern(String value) {
            if (value == null || value.isBlank()) {
                return 0;
            }
            return index.computeIfAbsent(value, v -> {
                values.add(v);
                return values.size() - 1;
            });
        }

        /** The index of a value, or -1 when no row has it. */
        int find(String value) {
            Integer i = index.get(value);
            return i == null ? -1 : i;
        }

        String value(int i) {
            return values.get(i);
        }

        int size() {
            return values.size();
        }
    }
}
