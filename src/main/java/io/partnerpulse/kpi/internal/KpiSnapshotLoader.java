package io.partnerpulse.kpi.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import javax.sql.DataSource;

import io.partnerpulse.shared.OrganizationSettings;

/**
 * Reads the KPI source tables into a new {@link KpiSnapshot}, in one read-only REPEATABLE READ
 * transaction so that all tables are seen at the same instant. Rows stream with a fetch size; no
 * query runs per row.
 */
final class KpiSnapshotLoader {

    private static final int FETCH = 10_000;

    private final DataSource dataSource;
    private final OrganizationSettings organization;
    private final Clock clock;

    KpiSnapshotLoader(DataSource dataSource, OrganizationSettings organization, Clock clock) {
        this.dataSource = dataSource;
        this.organization = organization;
        this.clock = clock;
    }

    KpiSnapshot load() throws SQLException {
        Instant now = clock.instant();
        KpiSnapshot s = new KpiSnapshot(now, LocalDate.ofInstant(now, organization.timeZone()), organization.timeZone(),
                organization.currency());
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setReadOnly(true);
            try {
                Rates rates = loadRates(c, s);
                s.rates = rates;
                loadReference(c, s);
                loadDeals(c, s, rates);
                s.dealIds = new IdIndex(s.deals);
                loadHistory(c, s);
                loadLeads(c, s);
                s.leadIds = new IdIndex(s.leads);
                loadRegistrations(c, s);
                s.registrationIds = new IdIndex(s.registrations);
                loadCampaigns(c, s, rates);
                loadTargets(c, s);
            } finally {
                c.rollback();
                c.setReadOnly(false);
                c.setAutoCommit(true);
            }
        }
        return s;
    }

    /**
     * A new snapshot: {@code old} with the changed rows read again, sharing every column no row of
     * which changed (see {@link Columns}); or empty when only a full load gives the right answer:
     * a new day (open deals convert at today's rate), a deleted row, a row inserted out of id order,
     * a reference the snapshot does not know, money in a currency without a rate.
     */
    java.util.Optional<KpiSnapshot> apply(KpiSnapshot old, KpiChanges changes) throws SQLException {
        Instant now = clock.instant();
        if (changes.everything || !LocalDate.ofInstant(now, organization.timeZone()).equals(old.today)
                || changes.reference && !old.unconverted.isEmpty()) {
            return java.util.Optional.empty();
        }
        KpiSnapshot s = old.sharing(now);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setReadOnly(true);
            try {
                Rates rates = s.rates;
                if (changes.reference) {
                    loadReference(c, s);
                    loadCampaigns(c, s, rates);
                    s.targets = new ArrayList<>();
                    loadTargets(c, s);
                }
                Set<Long> leads = new TreeSet<>(changes.leads);
                if (!changes.deals.isEmpty() && !applyDeals(c, s, rates, changes.deals, leads)) {
                    return java.util.Optional.empty();
                }
                if (!leads.isEmpty() && !applyLeads(c, s, leads)) {
                    return java.util.Optional.empty();
                }
                if (!changes.registrations.isEmpty() && !applyRegistrations(c, s, changes.registrations)) {
                    return java.util.Optional.empty();
                }
                return java.util.Optional.of(s);
            } finally {
                c.rollback();
                c.setReadOnly(false);
                c.setAutoCommit(true);
            }
        }
    }

    private static Long[] array(Set<Long> ids) {
        return ids.toArray(Long[]::new);
    }

    private interface Row {
        /** Reads the current row into index {@code i}; false when only a full load can take it. */
        boolean read(ResultSet rs, int i) throws SQLException;
    }

    /** The rows of one snapshot table: how many, their ids and their index, and a way to count one more. */
    private record Rows(java.util.function.IntSupplier count, java.util.function.Supplier<long[]> ids,
                        java.util.function.Supplier<IdIndex> index, Runnable append) {
    }

    /**
     * Reads the rows with these ids ({@code sql} selects them by {@code id = any(?)}), each into its
     * index, found by id or appended after the last row; false when one is missing (deleted).
     */
    private static boolean applyRows(Connection c, String sql, Long[] ids, Rows rows, Row row) throws SQLException {
        int seen = 0;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, c.createArrayOf("bigint", ids));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    int n = rows.count().getAsInt();
                    int i = rows.index().get().indexOf(rows.ids().get(), n, id);
                    boolean appended = i < 0;
                    if (appended) {
                        i = n;
                        rows.append().run();
                    }
                    seen++;
                    if (!row.read(rs, i)) {
                        return false;
                    }
                    if (appended) {
                        rows.index().get().appended(id, i);
                    }
                }
            }
        }
        return seen == ids.length;
    }

    private boolean applyDeals(Connection c, KpiSnapshot s, Rates rates, Set<Long> ids, Set<Long> leads)
            throws SQLException {
        int before = s.deals;
        Columns w = new Columns(before);
        List<Integer> changed = new ArrayList<>();
        boolean ok = applyRows(c, DEAL_COLUMNS + " where id = any(?) order by id", array(ids),
                new Rows(() -> s.deals, () -> s.dealId, () -> s.dealIds, () -> s.deals++), (rs, d) -> {
            if (d < before) {
                if (rates.rate(s.dealCurrency[d], rateDay(s, d)) == null) {
                    return false; // it was counted among the unconverted
                }
                if (s.dealLead[d] != 0) {
                    leads.add(s.dealLead[d]);
                }
            }
            changed.add(d);
            if (readDeal(rs, s, d, rates, w) < 0 || !knowsReferences(
                    new int[][] {s.dealPartner, s.dealOwner, s.dealChannel, s.dealCampaign, s.dealProduct, s.dealAccount},
                    new int[] {s.partnerName.length, s.employeeName.length, s.channelName.length, s.campaignName.length,
                            s.productLineName.length, s.accountName.length}, d)) {
                return false;
            }
            if (s.dealLead[d] != 0) {
                leads.add(s.dealLead[d]);
            }
            return true;
        });
        if (!ok) {
            return false;
        }
        int[] deals = changed.stream().mapToInt(Integer::intValue).sorted().toArray();
        applyHistory(c, s, w, deals);
        return true;
    }

    /**
     * Writes the changed deals' history, read again, after the last used place of the history
     * arrays (see {@link KpiSnapshot#historyStart}); readers of the previous snapshot never look
     * there. The arrays are copied only when they have no room left, and grow by an eighth.
     */
    private static void applyHistory(Connection c, KpiSnapshot s, Columns w, int[] changed) throws SQLException {
        Long[] ids = new Long[changed.length];
        for (int k = 0; k < changed.length; k++) {
            ids[k] = s.dealId[changed[k]];
        }
        Map<Long, List<long[]>> history = new HashMap<>();
        int needed = 0;
        try (PreparedStatement ps = c.prepareStatement(
                HISTORY_COLUMNS + " where opportunity_id = any(?) order by opportunity_id, changed_at, id")) {
            ps.setArray(1, c.createArrayOf("bigint", ids));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    history.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new long[] {STAGES.indexOf(rs.getString(2)), rs.getLong(3)});
                    needed++;
                }
            }
        }
        int used = s.historyUsed;
        byte[] stage = s.historyStage;
        long[] at = s.historyAt;
        if (used + needed > stage.length) {
            int length = Math.max(used + needed, stage.length + (stage.length >> 3) + 1024);
            stage = java.util.Arrays.copyOf(stage, length);
            at = java.util.Arrays.copyOf(at, length);
        }
        for (int d : changed) {
            s.historyStart = w.set(s.historyStart, d, used);
            for (long[] change : history.getOrDefault(s.dealId[d], List.of())) {
                stage[used] = (byte) change[0];
                at[used++] = change[1];
            }
            s.historyEnd = w.set(s.historyEnd, d, used);
        }
        s.historyStage = stage;
        s.historyAt = at;
        s.historyUsed = used;
    }

    private boolean applyLeads(Connection c, KpiSnapshot s, Set<Long> ids) throws SQLException {
        Columns w = new Columns(s.leads);
        return applyRows(c, LEAD_COLUMNS + " where l.id = any(?) order by l.id", array(ids),
                new Rows(() -> s.leads, () -> s.leadId, () -> s.leadIds, () -> s.leads++), (rs, l) -> {
            return readLead(rs, s, l, w) && knowsReferences(new int[][] {s.leadPartner, s.leadOwner, s.leadChannel, s.leadCampaign},
                    new int[] {s.partnerName.length, s.employeeName.length, s.channelName.length, s.campaignName.length}, l);
        });
    }

    private boolean applyRegistrations(Connection c, KpiSnapshot s, Set<Long> ids) throws SQLException {
        Columns w = new Columns(s.registrations);
        return applyRows(c, REGISTRATION_COLUMNS + " where id = any(?) order by id", array(ids),
                new Rows(() -> s.registrations, () -> s.registrationId, () -> s.registrationIds, () -> s.registrations++), (rs, r) -> {
            return readRegistration(rs, s, r, w) && knowsReferences(new int[][] {s.registrationPartner, s.registrationProduct, s.registrationAccount},
                    new int[] {s.partnerName.length, s.productLineName.length, s.accountName.length}, r);
        });
    }

    /** Whether every reference of a changed row is within the reference arrays (else it names a record new to the snapshot). */
    private static boolean knowsReferences(int[][] columns, int[] lengths, int row) {
        for (int k = 0; k < columns.length; k++) {
            int id = columns[k][row];
            if (id < 0 || id >= lengths[k]) {
                return false;
            }
        }
        return true;
    }

    // ---------------------------------------------------------------------------------------------
    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    private static void query(Connection c, String sql, RowReader reader) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setFetchSize(FETCH);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    reader.read(rs);
                }
            }
        }
    }

    private static long maxId(Connection c, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select coalesce(max(id), 0) from " + table);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static int size(Connection c, String table) throws SQLException {
        long max = maxId(c, table);
        if (max >= Integer.MAX_VALUE - 1) {
            throw new IllegalStateException(table + " ids are too large for the KPI snapshot");
        }
        return (int) max + 1;
    }

    private static long count(Connection c, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select count(*) from " + table); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    // ---------------------------------------------------------------------------------------------
    /** Exchange rates per currency: the days they are known for and units of base currency per unit. */
    static final class Rates {
        final String base;
        final Map<String, TreeMap<Long, BigDecimal>> byCurrency = new HashMap<>();

        Rates(String base) {
            this.base = base;
        }

        /** The rate of the latest day on or before {@code day}, else of the earliest known day; null if none. */
        BigDecimal rate(String currency, LocalDate day) {
            if (currency.equals(base)) {
                return BigDecimal.ONE;
            }
            TreeMap<Long, BigDecimal> rates = byCurrency.get(currency);
            if (rates == null || rates.isEmpty()) {
                return null;
            }
            Map.Entry<Long, BigDecimal> entry = rates.floorEntry(day.toEpochDay());
            return entry != null ? entry.getValue() : rates.firstEntry().getValue();
        }

        /** The amount in base-currency cents, or -1 when the currency has no rate at all. */
        long cents(BigDecimal amount, String currency, LocalDate day) {
            BigDecimal rate = rate(currency, day);
            if (rate == null) {
                return -1;
            }
            return amount.multiply(rate).setScale(2, RoundingMode.HALF_EVEN).unscaledValue().longValueExact();
        }
    }

    private Rates loadRates(Connection c, KpiSnapshot s) throws SQLException {
        Rates rates = new Rates(s.currency);
        query(c, "select currency, rate_date, rate_to_base from exchange_rate", rs ->
                rates.byCurrency.computeIfAbsent(rs.getString(1).trim(), k -> new TreeMap<>())
                        .put(rs.getObject(2, LocalDate.class).toEpochDay(), rs.getBigDecimal(3)));
        return rates;
    }

    private void loadReference(Connection c, KpiSnapshot s) throws SQLException {
        query(c, "select code, name, hemisphere from country", rs -> {
            int i = s.countries.intern(rs.getString(1).trim());
            s.countryNames.put(rs.getString(1).trim(), rs.getString(2));
            if (i >= s.countrySouth.length) {
                s.countrySouth = Arrays.copyOf(s.countrySouth, i + 16);
            }
            s.countrySouth[i] = "S".equals(rs.getString(3));
        });

        int units = size(c, "business_unit");
        s.unitName = new String[units];
        query(c, "select id, name from business_unit", rs -> s.unitName[rs.getInt(1)] = rs.getString(2));

        int departments = size(c, "department");
        s.departmentName = new String[departments];
        s.departmentUnit = new int[departments];
        query(c, "select id, name, business_unit_id from department", rs -> {
            s.departmentName[rs.getInt(1)] = rs.getString(2);
            s.departmentUnit[rs.getInt(1)] = rs.getInt(3);
        });

        int employees = size(c, "employee");
        s.employeeName = new String[employees];
        s.employeeDepartment = new int[employees];
        query(c, "select id, full_name, department_id from employee", rs -> {
            s.employeeName[rs.getInt(1)] = rs.getString(2);
            s.employeeDepartment[rs.getInt(1)] = rs.getInt(3);
        });

        int partners = size(c, "partner");
        s.partnerName = new String[partners];
        s.partnerTier = new byte[partners];
        s.partnerDistributor = new int[partners];
        s.partnerJoined = new long[partners];
        s.partnerStatusAt = new long[partners][];
        s.partnerStatusTerminated = new boolean[partners][];
        query(c, "select id, name, tier, joined_on, case when distributor then id else coalesce(distributor_id, 0) end from partner", rs -> {
            int id = rs.getInt(1);
            s.partnerDistributor[id] = rs.getInt(5);
            s.partnerName[id] = rs.getString(2);
            s.partnerTier[id] = (byte) List.of(KpiSnapshot.TIERS).indexOf(rs.getString(3));
            s.partnerJoined[id] = rs.getObject(4, LocalDate.class).atStartOfDay(s.zone).toEpochSecond();
        });
        Map<Integer, List<long[]>> history = new HashMap<>();
        query(c, """
                select partner_id, floor(extract(epoch from changed_at))::bigint, status = 'TERMINATED'
                from partner_status_change order by partner_id, changed_at, id""",
                rs -> history.computeIfAbsent(rs.getInt(1), k -> new ArrayList<>())
                        .add(new long[] {rs.getLong(2), rs.getBoolean(3) ? 1 : 0}));
        history.forEach((partner, changes) -> {
            s.partnerStatusAt[partner] = changes.stream().mapToLong(ch -> ch[0]).toArray();
            boolean[] terminated = new boolean[changes.size()];
            for (int i = 0; i < terminated.length; i++) {
                terminated[i] = changes.get(i)[1] == 1;
            }
            s.partnerStatusTerminated[partner] = terminated;
        });

        int channels = size(c, "marketing_channel");
        s.channelName = new String[channels];
        s.channelType = new byte[channels];
        query(c, "select id, name, type from marketing_channel", rs -> {
            s.channelName[rs.getInt(1)] = rs.getString(2);
            s.channelType[rs.getInt(1)] = (byte) List.of(KpiSnapshot.CHANNEL_TYPES).indexOf(rs.getString(3));
        });

        int campaigns = size(c, "campaign");
        s.campaignName = new String[campaigns];
        s.campaignChannel = new int[campaigns];
        query(c, "select id, name, channel_id from campaign", rs -> {
            s.campaignName[rs.getInt(1)] = rs.getString(2);
            s.campaignChannel[rs.getInt(1)] = rs.getInt(3);
        });

        int products = size(c, "product_line");
        s.productLineName = new String[products];
        query(c, "select id, name from product_line", rs -> s.productLineName[rs.getInt(1)] = rs.getString(2));

        int accounts = size(c, "customer_account");
        s.accountName = new String[accounts];
        query(c, "select id, name from customer_account", rs -> s.accountName[rs.getInt(1)] = rs.getString(2));
    }

    private static final String DEAL_COLUMNS = """
            select id, name, coalesce(partner_id, 0), coalesce(owner_id, 0), coalesce(channel_id, 0),
                   coalesce(campaign_id, 0), country, region, city, coalesce(product_line_id, 0),
                   coalesce(account_id, 0), coalesce(lead_id, 0), stage,
                   floor(extract(epoch from created_at))::bigint, floor(extract(epoch from closed_at))::bigint,
                   amount, currency, competitor is not null
            from opportunity""";
    private static final String HISTORY_COLUMNS = """
            select opportunity_id, to_stage, floor(extract(epoch from changed_at))::bigint from stage_change""";
    private static final String LEAD_COLUMNS = """
            select l.id, coalesce(l.partner_id, 0), coalesce(l.owner_id, 0), coalesce(l.channel_id, 0),
                   coalesce(l.campaign_id, 0), l.country, l.region, l.city,
                   floor(extract(epoch from l.created_at))::bigint, o.id, l.company_name
            from lead l left join opportunity o on o.lead_id = l.id""";
    private static final String REGISTRATION_COLUMNS = """
            select id, partner_id, coalesce(product_line_id, 0), coalesce(account_id, 0), opportunity_id, outcome,
                   floor(extract(epoch from submitted_at))::bigint, floor(extract(epoch from decided_at))::bigint,
                   customer_name
            from deal_registration""";
    private static final List<String> STAGES = List.of(KpiSnapshot.STAGES);
    private static final List<String> OUTCOMES = List.of("PENDING", "APPROVED", "REJECTED", "EXPIRED");

    private void loadDeals(Connection c, KpiSnapshot s, Rates rates) throws SQLException {
        int n = (int) count(c, "opportunity");
        s.deals = 0;
        s.dealId = new long[n];
        s.dealName = new String[n];
        s.dealPartner = new int[n];
        s.dealOwner = new int[n];
        s.dealChannel = new int[n];
        s.dealCampaign = new int[n];
        s.dealCountry = new int[n];
        s.dealRegion = new int[n];
        s.dealCity = new int[n];
        s.dealProduct = new int[n];
        s.dealAccount = new int[n];
        s.dealLead = new long[n];
        s.dealStage = new byte[n];
        s.dealCreated = new long[n];
        s.dealClosed = new long[n];
        s.dealCents = new long[n];
        s.dealAmountUnscaled = new long[n];
        s.dealCurrency = new String[n];
        s.dealLostToCompetitor = new boolean[n];
        Columns fresh = new Columns(0);
        query(c, DEAL_COLUMNS + " order by id", rs -> {
            long cents = readDeal(rs, s, s.deals++, rates, fresh);
            if (cents < 0) {
                s.unconverted.merge(s.dealCurrency[s.deals - 1], 1, Integer::sum);
            }
        });
    }

    /**
     * Reads one opportunity row into deal {@code d}; returns its cents, or -1 when its currency
     * has no rate (then it counts as 0).
     */
    private static long readDeal(ResultSet rs, KpiSnapshot s, int d, Rates rates, Columns w) throws SQLException {
        s.dealId = w.set(s.dealId, d, rs.getLong(1));
        s.dealName = w.set(s.dealName, d, rs.getString(2));
        s.dealPartner = w.set(s.dealPartner, d, rs.getInt(3));
        s.dealOwner = w.set(s.dealOwner, d, rs.getInt(4));
        s.dealChannel = w.set(s.dealChannel, d, rs.getInt(5));
        s.dealCampaign = w.set(s.dealCampaign, d, rs.getInt(6));
        s.dealCountry = w.set(s.dealCountry, d, s.countries.intern(trim(rs.getString(7))));
        s.dealRegion = w.set(s.dealRegion, d, s.regions.intern(rs.getString(8)));
        s.dealCity = w.set(s.dealCity, d, s.cities.intern(rs.getString(9)));
        s.dealProduct = w.set(s.dealProduct, d, rs.getInt(10));
        s.dealAccount = w.set(s.dealAccount, d, rs.getInt(11));
        s.dealLead = w.set(s.dealLead, d, rs.getLong(12));
        s.dealStage = w.set(s.dealStage, d, (byte) STAGES.indexOf(rs.getString(13)));
        s.dealCreated = w.set(s.dealCreated, d, rs.getLong(14));
        long closed = rs.getLong(15);
        s.dealClosed = w.set(s.dealClosed, d, rs.wasNull() ? KpiSnapshot.OPEN : closed);
        BigDecimal amount = rs.getBigDecimal(16);
        String currency = rs.getString(17).trim();
        s.dealAmountUnscaled = w.set(s.dealAmountUnscaled, d,
                amount.setScale(2, RoundingMode.UNNECESSARY).unscaledValue().longValueExact());
        s.dealCurrency = w.set(s.dealCurrency, d, currency);
        long cents = rates.cents(amount, currency, rateDay(s, d));
        s.dealCents = w.set(s.dealCents, d, Math.max(cents, 0));
        s.dealLostToCompetitor = w.set(s.dealLostToCompetitor, d, rs.getBoolean(18));
        return cents;
    }

    /** Deals convert at the rate of their close day, or of today while open. */
    private static LocalDate rateDay(KpiSnapshot s, int d) {
        return s.dealClosed[d] == KpiSnapshot.OPEN ? s.today : LocalDate.ofInstant(Instant.ofEpochSecond(s.dealClosed[d]), s.zone);
    }

    private void loadHistory(Connection c, KpiSnapshot s) throws SQLException {
        int n = (int) count(c, "stage_change");
        s.historyStage = new byte[n];
        s.historyAt = new long[n];
        s.historyStart = new int[s.deals];
        s.historyEnd = new int[s.deals];
        int[] h = {0};
        int[] d = {0};
        // deals are sorted by id, and so is the history: walk both together
        query(c, HISTORY_COLUMNS + " order by opportunity_id, changed_at, id", rs -> {
            endHistoriesBefore(s, d, h[0], rs.getLong(1));
            int i = h[0]++;
            s.historyStage[i] = (byte) STAGES.indexOf(rs.getString(2));
            s.historyAt[i] = rs.getLong(3);
        });
        endHistoriesBefore(s, d, h[0], Long.MAX_VALUE);
        s.historyUsed = h[0];
    }

    /** Ends the history of every deal from {@code d[0]} whose id is below {@code opportunity} at {@code h}, where the next one's starts. */
    private static void endHistoriesBefore(KpiSnapshot s, int[] d, int h, long opportunity) {
        while (d[0] < s.deals && s.dealId[d[0]] < opportunity) {
            s.historyEnd[d[0]++] = h;
            if (d[0] < s.deals) {
                s.historyStart[d[0]] = h;
            }
        }
    }

    private void loadLeads(Connection c, KpiSnapshot s) throws SQLException {
        int n = (int) count(c, "lead");
        s.leads = 0;
        s.leadId = new long[n];
        s.leadPartner = new int[n];
        s.leadOwner = new int[n];
        s.leadChannel = new int[n];
        s.leadCampaign = new int[n];
        s.leadCountry = new int[n];
        s.leadRegion = new int[n];
        s.leadCity = new int[n];
        s.leadCreated = new long[n];
        s.leadDeal = new int[n];
        s.leadCompany = new String[n];
        Columns fresh = new Columns(0);
        query(c, LEAD_COLUMNS + " order by l.id", rs -> readLead(rs, s, s.leads++, fresh));
    }

    /** Reads one lead row into lead {@code l}; false when the deal it became is not in the snapshot. */
    private static boolean readLead(ResultSet rs, KpiSnapshot s, int l, Columns w) throws SQLException {
        s.leadId = w.set(s.leadId, l, rs.getLong(1));
        s.leadPartner = w.set(s.leadPartner, l, rs.getInt(2));
        s.leadOwner = w.set(s.leadOwner, l, rs.getInt(3));
        s.leadChannel = w.set(s.leadChannel, l, rs.getInt(4));
        s.leadCampaign = w.set(s.leadCampaign, l, rs.getInt(5));
        s.leadCountry = w.set(s.leadCountry, l, s.countries.intern(trim(rs.getString(6))));
        s.leadRegion = w.set(s.leadRegion, l, s.regions.intern(rs.getString(7)));
        s.leadCity = w.set(s.leadCity, l, s.cities.intern(rs.getString(8)));
        s.leadCreated = w.set(s.leadCreated, l, rs.getLong(9));
        long deal = rs.getLong(10);
        boolean none = rs.wasNull();
        s.leadDeal = w.set(s.leadDeal, l, none ? -1 : s.dealIndexOf(deal));
        s.leadCompany = w.set(s.leadCompany, l, rs.getString(11));
        return none || s.leadDeal[l] >= 0;
    }

    private void loadRegistrations(Connection c, KpiSnapshot s) throws SQLException {
        int n = (int) count(c, "deal_registration");
        s.registrations = 0;
        s.registrationId = new long[n];
        s.registrationPartner = new int[n];
        s.registrationProduct = new int[n];
        s.registrationAccount = new int[n];
        s.registrationDeal = new int[n];
        s.registrationOutcome = new byte[n];
        s.registrationSubmitted = new long[n];
        s.registrationDecided = new long[n];
        s.registrationCustomer = new String[n];
        Columns fresh = new Columns(0);
        query(c, REGISTRATION_COLUMNS + " order by id", rs -> readRegistration(rs, s, s.registrations++, fresh));
    }

    /** Reads one registration row into {@code r}; false when its deal is not in the snapshot. */
    private static boolean readRegistration(ResultSet rs, KpiSnapshot s, int r, Columns w) throws SQLException {
        s.registrationId = w.set(s.registrationId, r, rs.getLong(1));
        s.registrationPartner = w.set(s.registrationPartner, r, rs.getInt(2));
        s.registrationProduct = w.set(s.registrationProduct, r, rs.getInt(3));
        s.registrationAccount = w.set(s.registrationAccount, r, rs.getInt(4));
        long deal = rs.getLong(5);
        boolean none = rs.wasNull();
        s.registrationDeal = w.set(s.registrationDeal, r, none ? -1 : s.dealIndexOf(deal));
        boolean known = none || s.registrationDeal[r] >= 0;
        s.registrationOutcome = w.set(s.registrationOutcome, r, (byte) OUTCOMES.indexOf(rs.getString(6)));
        s.registrationSubmitted = w.set(s.registrationSubmitted, r, rs.getLong(7));
        long decided = rs.getLong(8);
        s.registrationDecided = w.set(s.registrationDecided, r, rs.wasNull() ? KpiSnapshot.OPEN : decided);
        s.registrationCustomer = w.set(s.registrationCustomer, r, rs.getString(9));
        return known;
    }

    private void loadCampaigns(Connection c, KpiSnapshot s, Rates rates) throws SQLException {
        int n = (int) count(c, "campaign");
        s.campaignId = new int[n];
        s.campaignChannelOf = new int[n];
        s.campaignPartner = new int[n];
        s.campaignStartDay = new long[n];
        s.campaignEndDay = new long[n];
        s.campaignCents = new long[n];
        int[] i = {0};
        query(c, "select id, channel_id, coalesce(partner_id, 0), starts_on, ends_on, cost, currency from campaign order by id", rs -> {
            int k = i[0]++;
            s.campaignId[k] = rs.getInt(1);
            s.campaignChannelOf[k] = rs.getInt(2);
            s.campaignPartner[k] = rs.getInt(3);
            LocalDate start = rs.getObject(4, LocalDate.class);
            s.campaignStartDay[k] = start.toEpochDay();
            s.campaignEndDay[k] = rs.getObject(5, LocalDate.class).toEpochDay();
            long cents = rates.cents(rs.getBigDecimal(6), rs.getString(7).trim(), start);
            if (cents < 0) {
                s.unconverted.merge(rs.getString(7).trim(), 1, Integer::sum);
                cents = 0;
            }
            s.campaignCents[k] = cents;
        });
        s.campaigns = i[0];
    }

    private void loadTargets(Connection c, KpiSnapshot s) throws SQLException {
        query(c, """
                select scope, coalesce(partner_id, employee_id, department_id, business_unit_id, 0), metric,
                       period_start, period_end, value
                from target""", rs -> s.targets.add(new KpiSnapshot.Target(rs.getString(1), rs.getLong(2), rs.getString(3),
                rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class),
                rs.getBigDecimal(6).setScale(2, RoundingMode.UNNECESSARY).unscaledValue().longValueExact())));
    }

    private static String trim(String value) {
        return value == null ? null : value.trim();
    }
}
