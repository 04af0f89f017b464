package io.partnerpulse.demo;

import io.partnerpulse.shared.ProgressListener;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import io.partnerpulse.shared.Hemisphere;
import io.partnerpulse.shared.Season;

/**
 * Writes a complete, consistent data set as one CSV file per table, deterministically from a seed
 * and an anchor day: the same arguments give the same bytes, on any JVM (only {@link StrictMath}
 * and {@link SplittableRandom} are used, and everything is written in one thread, in order).
 *
 * <p>The data is made to tell a story through every KPI: strong and weak partners (weak ones have
 * many registrations rejected as conflicts), onboarding and terminated partners, a paid channel
 * that loses money, a summer product line ("Cooling Systems") whose close rate dips in the local
 * winter of either hemisphere, deals in foreign currencies, stalled pipeline, and targets.
 */
public final class DemoDataGenerator {

    private static final long DAY = 86_400L;
    private static final String ACTOR = "demo";
    private static final String[] TIERS = {"PLATINUM", "GOLD", "SILVER", "REGISTERED"};
    private static final double[] TIER_SHARE = {0.08, 0.20, 0.32, 0.40};
    private static final double[] TIER_LEAD_WEIGHT = {4.0, 2.5, 1.5, 1.0};
    private static final double[] TIER_DEAL_FACTOR = {1.6, 1.25, 1.0, 0.8};
    private static final double[] TIER_STRENGTH = {0.72, 0.60, 0.50, 0.42};
    private static final String[] TIER_DEFAULT_RATE = {"0.2000", "0.1500", "0.1000", "0.0500"};
    private static final String[] PRODUCT_LINES = {"Core Platform", "Analytics Suite", "Cooling Systems", "Professional Services"};
    private static final double[] PRODUCT_SHARE = {0.42, 0.25, 0.20, 0.13};
    private static final double[] PRODUCT_USD = {28_000, 16_000, 21_000, 9_000};
    /** The product line that sells in summer. */
    static final int SEASONAL_PRODUCT = 2;
    private static final String[] OPEN_STAGES = {"PROSPECTING", "QUALIFICATION", "PROPOSAL", "NEGOTIATION"};
    private static final double[] STAGE_AT = {0.0, 0.15, 0.40, 0.70};
    private static final int REGISTRATION_DAYS = 90;

    /** Generates the data set into {@code dir} (created if missing) and says what it wrote. */
    public DemoDataset generate(DemoShape shape, long seed, LocalDate anchor, ZoneId zone, String baseCurrency,
                                Path dir, ProgressListener progress) throws IOException {
        int base = DemoGeography.DEAL_CURRENCIES.indexOf(baseCurrency);
        if (base < 0) {
            throw new IllegalArgumentException("Demo data can be generated for the base currencies "
                    + DemoGeography.DEAL_CURRENCIES + ", not " + baseCurrency
                    + "; set partnerpulse.demo.enabled=false to start without it.");
        }
        Files.createDirectories(dir);
        return new Run(shape, seed, anchor, zone, base, dir, progress).generate();
    }

    /** One generation: its random source, its clock and what it has made so far. */
    private static final class Run {
        private final DemoShape shape;
        private final SplittableRandom random;
        private final LocalDate anchor;
        private final ZoneId zone;
        private final int base;
        private final Path dir;
        private final ProgressListener progress;
        private final LocalDate firstDay;
        private final long start;
        private final long end;
        private final int days;
        private final List<CsvTable.Written> written = new ArrayList<>();

        // exchange rates: US dollars per unit, per currency and day
        private double[][] usdPerUnit;

        // organization
        private int[] employeeDepartment;
        private double[] employeeStrength;
        private String[] employeeEmail;
        private int[] channelEmployees;

        // partners
        private int[] partnerTier;
        private double[] partnerStrength;
        private boolean[] partnerWeak;
        private int[] partnerPlace;
        private long[] partnerActiveFrom;
        private long[] partnerActiveUntil;
        private int[] partnerManager;
        private double[] partnerPickWeight;
        private int[] partnerCoMarketingCampaign;
        private int[] partnerCoMarketingChannel;
        private long[] partnerCoMarketingFrom;
        private long[] partnerCoMarketingTo;
        private BigDecimal[] partnerCoMarketingCost;

        // accounts and channels
        private String[] accountName;
        private int[] accountPlace;
        private String[] channelName;
        private double[] channelLeadWeight;
        private double[] channelConversion;
        private double[] channelWin;
        private double[] channelCostPerLead;
        private int months;

        // aggregates for targets (US dollars)
        private double[][] partnerWonByQuarter;
        private double[][] departmentWonByQuarter;
        private double[] programWonByQuarter;
        private long[] programDealsByQuarter;
        private LocalDate firstQuarter;

        Run(DemoShape shape, long seed, LocalDate anchor, ZoneId zone, int base, Path dir, ProgressListener progress) {
            this.shape = shape;
            this.random = new SplittableRandom(seed);
            this.anchor = anchor;
            this.zone = zone;
            this.base = base;
            this.dir = dir;
            this.progress = progress;
            this.firstDay = anchor.minusYears(shape.years()).withDayOfMonth(1);
            this.start = firstDay.atStartOfDay(zone).toEpochSecond();
            this.end = anchor.atStartOfDay(zone).toEpochSecond();
            this.days = (int) ChronoUnit.DAYS.between(firstDay.minusDays(400), anchor) + 1;
        }

        DemoDataset generate() throws IOException {
            exchangeRates();
            organization();
            productLines();
            partners();
            accounts();
            channelsAndCampaigns();
            leadsAndDeals();
            targets();
            funds();
            audit();
            return new DemoDataset(dir, List.copyOf(written));
        }

        // ---------------------------------------------------------------------------------------
        private void exchangeRates() throws IOException {
            int currencies = DemoGeography.DEAL_CURRENCIES.size();
            usdPerUnit = new double[currencies][days];
            for (int c = 0; c < currencies; c++) {
                double rate = DemoGeography.USD_PER_UNIT[c];
                double drift = "PKR".equals(DemoGeography.DEAL_CURRENCIES.get(c)) ? -0.10 / 365 : 0;
                for (int d = 0; d < days; d++) {
                    usdPerUnit[c][d] = rate;
                    if (c != 0) {
                        rate *= StrictMath.exp(drift + gaussian() * 0.004);
                    }
                }
            }
            LocalDate first = firstDay.minusDays(400);
            try (CsvTable rates = table("exchange_rate", "currency", "rate_date", "rate_to_base")) {
                for (int c = 0; c < currencies; c++) {
                    if (c == base) {
                        continue;
                    }
                    for (int d = 0; d < days; d++) {
                        double toBase = usdPerUnit[c][d] / usdPerUnit[base][d];
                        rates.row(DemoGeography.DEAL_CURRENCIES.get(c), first.plusDays(d).toString(),
                                BigDecimal.valueOf(toBase).setScale(10, RoundingMode.HALF_EVEN));
                    }
                }
                done(rates);
            }
        }

        private double usdPerUnit(int currency, long epochSecond) {
            int d = (int) ((epochSecond - firstDay.minusDays(400).atStartOfDay(zone).toEpochSecond()) / DAY);
            return usdPerUnit[currency][Math.max(0, Math.min(days - 1, d))];
        }

        // ---------------------------------------------------------------------------------------
        private void organization() throws IOException {
            int units = shape.businessUnits();
            int departments = shape.departments();
            int employees = shape.employees();
            try (CsvTable unitTable = table("business_unit", "id", "external_id", "name")) {
                for (int u = 0; u < units; u++) {
                    String name = u < DemoWords.UNITS.length ? DemoWords.UNITS[u] : "Unit " + (u + 1);
                    unitTable.row(u + 1, "BU-" + (u + 1), name);
                }
                done(unitTable);
            }
            String[] departmentFunction = new String[departments];
            try (CsvTable departmentTable = table("department", "id", "external_id", "name", "business_unit_id")) {
                for (int d = 0; d < departments; d++) {
                    int unit = d % units;
                    int slot = d / units;
                    departmentFunction[d] = DemoWords.FUNCTIONS[slot % DemoWords.FUNCTIONS.length];
                    String suffix = slot >= DemoWords.FUNCTIONS.length ? " " + (slot / DemoWords.FUNCTIONS.length + 1) : "";
                    String unitName = unit < DemoWords.UNITS.length ? DemoWords.UNITS[unit] : "Unit " + (unit + 1);
                    departmentTable.row(d + 1, "DEP-" + (d + 1), unitName + " " + departmentFunction[d] + suffix, unit + 1);
                }
                done(departmentTable);
            }
            employeeDepartment = new int[employees];
            employeeStrength = new double[employees];
            employeeEmail = new String[employees];
            List<Integer> channelPeople = new ArrayList<>();
            try (CsvTable employeeTable = table("employee", "id", "external_id", "full_name", "email", "title",
                    "department_id", "manager_id", "hire_date", "active")) {
                for (int e = 0; e < employees; e++) {
                    int department = e % departments;
                    boolean head = e < departments;
                    String first = pick(DemoWords.FIRST_NAMES);
                    String last = pick(DemoWords.LAST_NAMES);
                    employeeDepartment[e] = department;
                    employeeStrength[e] = clamp(0.5 + gaussian() * 0.18, 0.1, 0.95);
                    employeeEmail[e] = (first + "." + last + "." + (e + 1)).toLowerCase(Locale.ROOT) + "@partnerpulse.example";
                    String function = departmentFunction[department];
                    String title = head ? "Head of " + function
                            : function.equals("Channel Sales") || function.equals("Partner Success") ? "Partner Manager"
                            : "Account Executive";
                    LocalDate hired = firstDay.minusDays(random.nextInt(5 * 365));
                    if (!head) {
                        hired = hired.plusDays(random.nextInt(Math.max(1, (int) ChronoUnit.DAYS.between(hired, anchor) - 30)));
                    }
                    boolean active = head || random.nextDouble() > 0.05;
                    employeeTable.row(e + 1, "EMP-" + (e + 1), first + " " + last, employeeEmail[e], title,
                            department + 1, head ? null : department + 1, hired.toString(), active);
                    if (function.equals("Channel Sales") || function.equals("Partner Success")) {
                        channelPeople.add(e);
                    }
                }
                done(employeeTable);
            }
            channelEmployees = channelPeople.stream().mapToInt(Integer::intValue).toArray();
            if (channelEmployees.length == 0) {
                channelEmployees = new int[] {0};
            }
        }

        private void productLines() throws IOException {
            try (CsvTable lines = table("product_line", "id", "external_id", "name")) {
                for (int p = 0; p < PRODUCT_LINES.length; p++) {
                    lines.row(p + 1, "PL-" + (p + 1), PRODUCT_LINES[p]);
                }
                done(lines);
            }
        }

        // ---------------------------------------------------------------------------------------
        private void partners() throws IOException {
            int n = shape.partners();
            partnerTier = new int[n];
            partnerStrength = new double[n];
            partnerWeak = new boolean[n];
            partnerPlace = new int[n];
            partnerActiveFrom = new long[n];
            partnerActiveUntil = new long[n];
            partnerManager = new int[n];
            partnerPickWeight = new double[n];
            int[] nameOrder = permutation(n);
            int prefixes = DemoWords.PARTNER_PREFIXES.length;
            int suffixes = DemoWords.PARTNER_SUFFIXES.length;
            try (CsvTable partnerTable = table("partner", "id", "external_id", "name", "tier", "status", "status_changed_at",
                    "country", "region", "city", "commission_rate", "partner_manager_id", "joined_on");
                 CsvTable statusTable = table("partner_status_change", "partner_id", "status", "changed_at", "changed_by", "note");
                 CsvTable tierTable = table("partner_tier_change", "partner_id", "from_tier", "to_tier", "changed_at",
                         "changed_by", "reason")) {
                for (int p = 0; p < n; p++) {
                    int tier = weighted(TIER_SHARE);
                    boolean weak = p % 8 == 3;
                    boolean strong = p % 10 == 1;
                    double strength = weak ? 0.08 + random.nextDouble() * 0.1
                            : strong ? 0.85 + random.nextDouble() * 0.1
                            : clamp(TIER_STRENGTH[tier] + gaussian() * 0.12, 0.2, 0.8);
                    int place = weightedPlace();
                    DemoGeography.Place where = DemoGeography.PLACES.get(place);
                    int k = nameOrder[p];
                    String name = DemoWords.PARTNER_PREFIXES[k % prefixes] + " " + DemoWords.PARTNER_SUFFIXES[(k / prefixes) % suffixes]
                            + (k >= prefixes * suffixes ? " " + (k / (prefixes * suffixes) + 1) : "");

                    // life: prospect -> onboarding (joined) -> active, then maybe inactive or terminated
                    double life = random.nextDouble();
                    long joined;
                    List<Object[]> history = new ArrayList<>();
                    String status;
                    long statusAt;
                    long activeUntil = Long.MAX_VALUE;
                    if (life < 0.07) {
                        joined = end - (10 + random.nextInt(110)) * DAY;
                        status = "ONBOARDING";
                        statusAt = joined;
                    } else {
                        joined = start - random.nextInt(3 * 365) * DAY + random.nextInt(Math.max(1, (int) ((end - start) / DAY) - 240)) * DAY;
                        long activated = joined + (45 + random.nextInt(45)) * DAY;
                        status = "ACTIVE";
                        statusAt = activated;
                        history.add(new Object[] {"ACTIVE", activated, null});
                        if (life < 0.14) {
                            long terminated = Math.max(activated + 120 * DAY, start + 180 * DAY)
                                    + random.nextInt(Math.max(1, (int) ((end - start) / DAY) - 400)) * DAY;
                            if (terminated < end - 30 * DAY) {
                                status = "TERMINATED";
                                statusAt = terminated;
                                activeUntil = terminated;
                                history.add(new Object[] {"TERMINATED", terminated, weak ? "Low deal success" : "Partner left the program"});
                            }
                        } else if (life < 0.19) {
                            long inactive = end - (30 + random.nextInt(300)) * DAY;
                            if (inactive > activated) {
                                status = "INACTIVE";
                                statusAt = inactive;
                                activeUntil = inactive;
                                history.add(new Object[] {"INACTIVE", inactive, "No deals registered for two quarters"});
                            }
                        }
                    }
                    joined = joined - Math.floorMod(joined - start, DAY); // midnight of the joining day
                    long prospect = joined - (20 + random.nextInt(40)) * DAY;
                    statusTable.row(p + 1, "PROSPECT", instant(prospect), ACTOR, null);
                    statusTable.row(p + 1, "ONBOARDING", instant(joined), ACTOR, null);
                    for (Object[] change : history) {
                        statusTable.row(p + 1, change[0], instant((Long) change[1]), ACTOR, change[2]);
                    }
                    // a few partners were promoted once
                    int startTier = tier < 3 && random.nextDouble() < 0.2 ? tier + 1 : tier;
                    tierTable.row(p + 1, null, TIERS[startTier], instant(joined), ACTOR, "Joined the program");
                    if (startTier != tier) {
                        long promoted = Math.min(end - DAY, joined + (180 + random.nextInt(365)) * DAY);
                        tierTable.row(p + 1, TIERS[startTier], TIERS[tier], instant(promoted), ACTOR, "Met the tier's revenue criteria");
                    }
                    String rate = random.nextDouble() < 0.1
                            ? new BigDecimal(TIER_DEFAULT_RATE[tier]).add(new BigDecimal("0.0250")).toPlainString() : null;
                    int manager = channelEmployees[random.nextInt(channelEmployees.length)];
                    partnerTable.row(p + 1, "PRT-" + (p + 1), name, TIERS[tier], status, instant(statusAt), where.code(),
                            where.region(), pick(where.cities()), rate, manager + 1, day(joined).toString());

                    partnerTier[p] = tier;
                    partnerStrength[p] = strength;
                    partnerWeak[p] = weak;
                    partnerPlace[p] = place;
                    partnerActiveFrom[p] = joined;
                    partnerActiveUntil[p] = activeUntil;
                    partnerManager[p] = manager;
                    partnerPickWeight[p] = TIER_LEAD_WEIGHT[tier] * (0.5 + strength);
                }
                done(partnerTable);
                done(statusTable);
                done(tierTable);
            }
            for (int p = 1; p < n; p++) {
                partnerPickWeight[p] += partnerPickWeight[p - 1];
            }
        }

        private void accounts() throws IOException {
            int n = shape.accounts();
            accountName = new String[n];
            accountPlace = new int[n];
            int words = DemoWords.ACCOUNT_WORDS.length;
            int kinds = DemoWords.ACCOUNT_KINDS.length;
            int[] order = permutation(n);
            try (CsvTable accountTable = table("customer_account", "id", "external_id", "name", "sector", "country", "region",
                    "city", "employees", "annual_revenue", "year_established", "parent_account_id")) {
                for (int a = 0; a < n; a++) {
                    int k = order[a];
                    String name = DemoWords.ACCOUNT_WORDS[k % words] + " " + DemoWords.ACCOUNT_KINDS[(k / words) % kinds]
                            + (k >= words * kinds ? " " + (k / (words * kinds) + 1) : "");
                    int place = weightedPlace();
                    DemoGeography.Place where = DemoGeography.PLACES.get(place);
                    int staff = (int) StrictMath.round(StrictMath.exp(5 + gaussian() * 1.6)) + 5;
                    BigDecimal revenue = BigDecimal.valueOf(staff * (60_000L + random.nextInt(140_000))).setScale(2, RoundingMode.UNNECESSARY);
                    Integer parent = a > 20 && random.nextDouble() < 0.04 ? 1 + random.nextInt(a) : null;
                    accountTable.row(a + 1, "ACC-" + (a + 1), name, pick(DemoWords.SECTORS), where.code(), where.region(),
                            pick(where.cities()), staff, revenue, 1950 + random.nextInt(72), parent);
                    accountName[a] = name;
                    accountPlace[a] = place;
                }
                done(accountTable);
            }
        }

        // ---------------------------------------------------------------------------------------
        private void channelsAndCampaigns() throws IOException {
            int n = shape.channels();
            channelName = new String[n];
            channelLeadWeight = new double[n];
            channelConversion = new double[n];
            channelWin = new double[n];
            channelCostPerLead = new double[n];
            String[] channelType = new String[n];
            int c = 0;
            for (int i = 0; i < shape.paidChannels(); i++, c++) {
                channelType[c] = "PAID";
                channelName[c] = nameFrom(DemoWords.PAID, i);
                setChannel(c, switch (channelName[c]) {
                    case "Search Ads" -> new double[] {12, 1.1, 1.0, 350};
                    case "Social Ads" -> new double[] {8, 0.9, 0.9, 500};
                    case "Display Ads" -> new double[] {6, 0.45, 0.7, 2600};
                    case "Trade Shows" -> new double[] {3, 1.2, 1.1, 1400};
                    default -> new double[] {4, 0.8, 0.9, 700};
                });
            }
            for (int i = 0; i < shape.earnedChannels(); i++, c++) {
                channelType[c] = "EARNED";
                channelName[c] = nameFrom(DemoWords.EARNED, i);
                setChannel(c, switch (channelName[c]) {
                    case "Partner Referral" -> new double[] {10, 1.6, 1.25, 40};
                    case "Customer Referral" -> new double[] {4, 1.5, 1.2, 30};
                    case "Organic Search" -> new double[] {12, 1.0, 1.0, 20};
                    case "Press and Analysts" -> new double[] {2, 0.8, 0.9, 60};
                    default -> new double[] {4, 1.0, 1.0, 40};
                });
            }
            for (int i = 0; i < shape.ownedChannels(); i++, c++) {
                channelType[c] = "OWNED";
                channelName[c] = nameFrom(DemoWords.OWNED, i);
                setChannel(c, switch (channelName[c]) {
                    case "Website" -> new double[] {14, 1.0, 1.0, 90};
                    case "Email Newsletter" -> new double[] {6, 0.8, 0.95, 50};
                    case "Webinars" -> new double[] {5, 1.2, 1.05, 150};
                    case "Blog" -> new double[] {5, 0.7, 0.9, 60};
                    default -> new double[] {4, 0.9, 1.0, 80};
                });
            }
            try (CsvTable channels = table("marketing_channel", "id", "external_id", "name", "type")) {
                for (int i = 0; i < n; i++) {
                    channels.row(i + 1, "CH-" + (i + 1), channelName[i], channelType[i]);
                }
                done(channels);
            }
            double totalWeight = Arrays.stream(channelLeadWeight).sum();
            // every month with at least one day before the anchor day
            months = (int) ChronoUnit.MONTHS.between(firstDay, anchor.minusDays(1).withDayOfMonth(1)) + 1;
            // monthly campaigns per channel (ids 1..channels*months), then partner co-marketing
            partnerCoMarketingCampaign = new int[shape.partners()];
            partnerCoMarketingChannel = new int[shape.partners()];
            partnerCoMarketingFrom = new long[shape.partners()];
            partnerCoMarketingTo = new long[shape.partners()];
            partnerCoMarketingCost = new BigDecimal[shape.partners()];
            try (CsvTable campaigns = table("campaign", "id", "external_id", "name", "channel_id", "partner_id",
                    "starts_on", "ends_on", "cost", "currency")) {
                double leadsPerMonth = (double) shape.leads() / months;
                for (int ch = 0; ch < n; ch++) {
                    for (int m = 0; m < months; m++) {
                        LocalDate from = firstDay.plusMonths(m);
                        LocalDate to = from.plusMonths(1).minusDays(1);
                        if (to.isAfter(anchor.minusDays(1))) {
                            to = anchor.minusDays(1);
                        }
                        double expectedLeads = leadsPerMonth * channelLeadWeight[ch] / totalWeight
                                * ChronoUnit.DAYS.between(from, to.plusDays(1)) / from.lengthOfMonth();
                        double cost = expectedLeads * channelCostPerLead[ch] * (0.85 + random.nextDouble() * 0.3);
                        campaigns.row(campaignId(ch, m), "CMP-" + campaignId(ch, m),
                                channelName[ch] + " " + from.getYear() + "-" + String.format(Locale.ROOT, "%02d", from.getMonthValue()),
                                ch + 1, null, from.toString(), to.toString(), money(cost), "USD");
                    }
                }
                int next = n * months + 1;
                for (int p = 0; p < shape.partners(); p++) {
                    if (partnerTier[p] <= 1 && random.nextDouble() < 0.5) {
                        int ch = random.nextInt(shape.paidChannels());
                        LocalDate from = day(Math.max(partnerActiveFrom[p], start)).plusDays(30);
                        LocalDate to = from.plusMonths(6).minusDays(1);
                        if (!from.isBefore(anchor)) {
                            continue;
                        }
                        if (!to.isBefore(anchor)) {
                            to = anchor.minusDays(1);
                        }
                        partnerCoMarketingCost[p] = money(3_000 + random.nextInt(12_000));
                        campaigns.row(next, "CMP-" + next, "Co-marketing " + channelName[ch] + " with partner " + (p + 1),
                                ch + 1, p + 1, from.toString(), to.toString(), partnerCoMarketingCost[p], "USD");
                        partnerCoMarketingCampaign[p] = next;
                        partnerCoMarketingChannel[p] = ch;
                        partnerCoMarketingFrom[p] = from.atStartOfDay(zone).toEpochSecond();
                        partnerCoMarketingTo[p] = to.plusDays(1).atStartOfDay(zone).toEpochSecond();
                        next++;
                    }
                }
                done(campaigns);
            }
            for (int i = 1; i < n; i++) {
                channelLeadWeight[i] += channelLeadWeight[i - 1];
            }
        }

        private void setChannel(int c, double[] params) {
            channelLeadWeight[c] = params[0];
            channelConversion[c] = params[1];
            channelWin[c] = params[2];
            channelCostPerLead[c] = params[3];
        }

        private int campaignId(int channel, int month) {
            return channel * months + month + 1;
        }

        // ---------------------------------------------------------------------------------------
        private void leadsAndDeals() throws IOException {
            int leads = shape.leads();
            long span = end - start;
            long[] created = new long[leads];
            for (int i = 0; i < leads; i++) {
                double u = random.nextDouble();
                double growth = random.nextDouble() < 0.5 ? u : StrictMath.sqrt(u);
                created[i] = start + (long) (growth * span);
            }
            Arrays.sort(created);
            int quarters = (int) (ChronoUnit.MONTHS.between(quarterStart(firstDay), quarterStart(anchor)) / 3) + 6;
            firstQuarter = quarterStart(firstDay);
            partnerWonByQuarter = new double[shape.partners()][quarters];
            departmentWonByQuarter = new double[shape.departments()][quarters];
            programWonByQuarter = new double[quarters];
            programDealsByQuarter = new long[quarters];

            double conversionBase = 0.92 * shape.opportunities() / leads;
            int opportunityId = 0;
            int registrationId = 0;
            int[] recentRegistration = new int[64];
            int[] recentPartner = new int[64];
            int[] recentAccount = new int[64];
            int[] recentProduct = new int[64];
            long[] recentSubmitted = new long[64];
            int recent = 0;
            try (CsvTable leadTable = table("lead", "id", "external_id", "created_at", "contact_name", "company_name", "email",
                    "channel_id", "campaign_id", "partner_id", "owner_id", "country", "region", "city", "status",
                    "status_changed_at", "disqualified_reason", "converted_at");
                 CsvTable assignments = table("lead_assignment", "lead_id", "partner_id", "assigned_at", "assigned_by", "reason");
                 CsvTable opportunities = table("opportunity", "id", "external_id", "name", "account_id", "partner_id",
                         "owner_id", "lead_id", "channel_id", "campaign_id", "product_line_id", "country", "region", "city",
                         "amount", "currency", "stage", "created_at", "closed_at", "expected_close_on", "lost_reason", "competitor");
                 CsvTable stages = table("stage_change", "opportunity_id", "from_stage", "to_stage", "changed_at", "changed_by");
                 CsvTable registrations = table("deal_registration", "id", "external_id", "partner_id", "opportunity_id",
                         "account_id", "product_line_id", "customer_name", "estimated_amount", "currency", "submitted_at",
                         "expires_at", "decided_at", "decided_by", "outcome", "reason", "conflicting_registration_id")) {
                for (int i = 0; i < leads; i++) {
                    if ((i & 0x3FFF) == 0) {
                        progress.progress("Generating leads and opportunities", i, leads);
                    }
                    int leadId = i + 1;
                    long t = created[i];
                    int channel = weightedCumulative(channelLeadWeight);
                    boolean referral = channelName[channel].equals("Partner Referral");
                    int partner = random.nextDouble() < (referral ? 1.0 : 0.55) ? pickPartner(t) : -1;
                    int account = random.nextInt(shape.accounts());
                    int place = partner >= 0 && random.nextDouble() < 0.8 ? partnerPlace[partner]
                            : random.nextDouble() < 0.5 ? accountPlace[account] : weightedPlace();
                    DemoGeography.Place where = DemoGeography.PLACES.get(place);
                    Hemisphere hemisphere = where.hemisphere() == 'N' ? Hemisphere.NORTH : Hemisphere.SOUTH;
                    Season leadSeason = season(t, hemisphere);
                    int product = weighted(PRODUCT_SHARE);
                    if (product == SEASONAL_PRODUCT && leadSeason == Season.WINTER && random.nextDouble() < 0.5) {
                        product = random.nextInt(2);
                    }
                    int campaign = campaignId(channel, monthIndex(t));
                    // while a partner's co-marketing campaign runs, most of its paid leads come through it
                    if (partner >= 0 && partnerCoMarketingCampaign[partner] != 0 && channel < shape.paidChannels()
                            && partnerCoMarketingFrom[partner] <= t && t < partnerCoMarketingTo[partner] && random.nextDouble() < 0.6) {
                        campaign = partnerCoMarketingCampaign[partner];
                        channel = partnerCoMarketingChannel[partner];
                    }
                    int owner = partner >= 0 && random.nextDouble() < 0.7 ? partnerManager[partner] : random.nextInt(shape.employees());
                    String first = pick(DemoWords.FIRST_NAMES);
                    String last = pick(DemoWords.LAST_NAMES);
                    String company = accountName[account];

                    double conversion = conversionBase * channelConversion[channel]
                            * (partner >= 0 ? 0.6 + 0.8 * partnerStrength[partner] : 1.0)
                            * (product == SEASONAL_PRODUCT ? seasonalFactor(leadSeason, 0.6, 1.3) : 1.0);
                    long convertedAt = t + (1 + random.nextInt(20)) * DAY + random.nextInt((int) DAY);
                    boolean converts = random.nextDouble() < conversion && convertedAt < end;
                    // routed leads: not sourced by the partner but assigned to one by the distribution rules
                    if (partner < 0 && random.nextDouble() < 0.08) {
                        int routed = pickPartner(t);
                        if (routed >= 0) {
                            partner = routed;
                            assignments.row(leadId, partner + 1, instant(t + 3600), ACTOR,
                                    "Routed: region " + DemoGeography.PLACES.get(partnerPlace[partner]).region() + ", tier "
                                            + TIERS[partnerTier[partner]] + " weight " + TIER_LEAD_WEIGHT[partnerTier[partner]]);
                        }
                    }
                    String status;
                    long statusAt;
                    String disqualified = null;
                    long age = end - t;
                    if (converts) {
                        status = "CONVERTED";
                        statusAt = convertedAt;
                    } else if (age < 30 * DAY) {
                        status = random.nextDouble() < 0.6 ? "NEW" : "QUALIFIED";
                        statusAt = status.equals("NEW") ? t : Math.min(end - 1, t + (1 + random.nextInt(5)) * DAY);
                    } else {
                        double r = random.nextDouble();
                        status = r < 0.7 ? "DISQUALIFIED" : r < 0.9 ? "QUALIFIED" : "NEW";
                        statusAt = status.equals("NEW") ? t : t + (1 + random.nextInt(25)) * DAY;
                        disqualified = status.equals("DISQUALIFIED") ? pick(DemoWords.DISQUALIFY_REASONS) : null;
                    }
                    leadTable.row(leadId, "LEAD-" + leadId, instant(t), first + " " + last, company,
                            (first + "." + last).toLowerCase(Locale.ROOT) + "@" + company.toLowerCase(Locale.ROOT).replace(' ', '-') + ".example",
                            channel + 1, campaign, partner >= 0 ? partner + 1 : null, owner + 1, where.code(), where.region(),
                            pick(where.cities()), status, instant(statusAt), disqualified, converts ? instant(convertedAt) : null);
                    if (!converts) {
                        continue;
                    }

                    // the opportunity
                    int opp = ++opportunityId;
                    long opened = convertedAt;
                    double usd = PRODUCT_USD[product] * (partner >= 0 ? TIER_DEAL_FACTOR[partnerTier[partner]] : 1.1)
                            * StrictMath.exp(gaussian() * 0.55);
                    int currency = 0;
                    int local = DemoGeography.DEAL_CURRENCIES.indexOf(where.currency());
                    if (local > 0 && random.nextDouble() < 0.5) {
                        currency = local;
                    }
                    BigDecimal amount = BigDecimal.valueOf(StrictMath.round(usd / usdPerUnit(currency, opened))).setScale(2, RoundingMode.UNNECESSARY);
                    double cycleDays = clamp(StrictMath.exp(StrictMath.log(40) + gaussian() * 0.6) * (usd > 40_000 ? 1.3 : 1.0), 5, 365);
                    long planned = opened + (long) (cycleDays * DAY);
                    Season closeSeason = season(planned, hemisphere);
                    double win = 0.55 * (partner >= 0 ? 0.45 + 1.1 * partnerStrength[partner] : 1.0)
                            * (0.8 + 0.4 * employeeStrength[owner]) * channelWin[channel]
                            * (product == SEASONAL_PRODUCT ? seasonalFactor(closeSeason, 0.35, 1.5) : 1.0);
                    win = clamp(win, 0.02, 0.95);
                    boolean stalls = random.nextDouble() < shape.stalledShare();
                    boolean won = random.nextDouble() < win;
                    int lostAt = weighted(new double[] {0.35, 0.3, 0.2, 0.15});
                    String stage;
                    Long closed = null;
                    String lostReason = null;
                    String competitor = null;
                    String by = employeeEmail[owner];
                    int reached;
                    if (planned < end && !stalls) {
                        closed = planned;
                        stage = won ? "WON" : "LOST";
                        reached = won ? 3 : lostAt;
                        if (!won) {
                            lostReason = pick(DemoWords.LOST_REASONS);
                            if (lostReason.equals("Lost to competitor") || (lostReason.equals("Price") && random.nextDouble() < 0.3)) {
                                competitor = pick(DemoWords.COMPETITORS);
                            }
                        }
                    } else {
                        reached = stalls ? random.nextInt(4) : 3;
                        while (reached > 0 && opened + (long) (cycleDays * STAGE_AT[reached] * DAY) >= end) {
                            reached--;
                        }
                        stage = OPEN_STAGES[reached];
                    }
                    String previous = null;
                    for (int s = 0; s <= reached; s++) {
                        long at = opened + (long) (cycleDays * STAGE_AT[s] * DAY);
                        stages.row(opp, previous, OPEN_STAGES[s], instant(at), by);
                        previous = OPEN_STAGES[s];
                    }
                    if (closed != null) {
                        stages.row(opp, previous, stage, instant(closed), by);
                    }
                    Integer accountId = random.nextDouble() < 0.05 ? null : account + 1;
                    opportunities.row(opp, "OPP-" + opp, company + " - " + PRODUCT_LINES[product], accountId,
                            partner >= 0 ? partner + 1 : null, owner + 1, leadId, channel + 1, campaign, product + 1,
                            where.code(), where.region(), pick(where.cities()), amount, DemoGeography.DEAL_CURRENCIES.get(currency),
                            stage, instant(opened), closed == null ? null : instant(closed),
                            day(planned).toString(), lostReason, competitor);
                    if ("WON".equals(stage)) {
                        int q = quarterIndex(closed);
                        programWonByQuarter[q] += usd;
                        programDealsByQuarter[q]++;
                        departmentWonByQuarter[employeeDepartment[owner]][q] += usd;
                        if (partner >= 0) {
                            partnerWonByQuarter[partner][q] += usd;
                        }
                    }

                    // registrations: the partner claims its deal; weak partners also claim what is not theirs
                    if (partner < 0) {
                        continue;
                    }
                    if (random.nextDouble() < 0.85) {
                        int id = ++registrationId;
                        long submitted = Math.max(t, opened - random.nextInt(2 * (int) DAY));
                        long decided = submitted + 4 * 3600 + random.nextInt(3 * (int) DAY);
                        boolean pending = decided >= end;
                        registrations.row(id, "REG-" + id, partner + 1, opp, accountId, product + 1, company,
                                amount, DemoGeography.DEAL_CURRENCIES.get(currency), instant(submitted),
                                instant(submitted + REGISTRATION_DAYS * DAY), pending ? null : instant(decided),
                                pending ? null : employeeEmail[partnerManager[partner]], pending ? "PENDING" : "APPROVED",
                                null, null);
                        int slot = recent++ & 63;
                        recentRegistration[slot] = id;
                        recentPartner[slot] = partner;
                        recentAccount[slot] = account;
                        recentProduct[slot] = product;
                        recentSubmitted[slot] = submitted;
                    }
                    double rejectChance = partnerWeak[partner] ? 0.7 : 0.08;
                    if (recent > 0 && random.nextDouble() < rejectChance) {
                        int slot = random.nextInt(Math.min(recent, 64));
                        long submitted = Math.max(recentSubmitted[slot] + 3600, opened + random.nextInt(10 * (int) DAY));
                        if (recentPartner[slot] != partner && submitted < end - 2 * DAY) {
                            int id = ++registrationId;
                            long decided = submitted + 3600 + random.nextInt((int) DAY);
                            String customer = accountName[recentAccount[slot]];
                            registrations.row(id, "REG-" + id, partner + 1, null, recentAccount[slot] + 1, recentProduct[slot] + 1,
                                    customer, money(usd * 0.8), "USD", instant(submitted), instant(submitted + REGISTRATION_DAYS * DAY),
                                    instant(decided), employeeEmail[partnerManager[partner]], "REJECTED",
                                    "Conflict: " + customer + " / " + PRODUCT_LINES[recentProduct[slot]]
                                            + " is already registered by partner " + (recentPartner[slot] + 1)
                                            + " (registration " + recentRegistration[slot] + ")",
                                    recentRegistration[slot]);
                        }
                    }
                    double expireChance = partnerWeak[partner] ? 0.25 : 0.05;
                    if (random.nextDouble() < expireChance) {
                        int id = ++registrationId;
                        int other = random.nextInt(shape.accounts());
                        long submitted = opened + random.nextInt(20 * (int) DAY);
                        long expires = submitted + REGISTRATION_DAYS * DAY;
                        boolean expired = expires < end;
                        if (submitted < end) {
                            registrations.row(id, "REG-" + id, partner + 1, null, other + 1, product + 1, accountName[other],
                                    money(usd), "USD", instant(submitted), instant(expires), expired ? instant(expires) : null,
                                    expired ? "system" : null, expired ? "EXPIRED" : "PENDING",
                                    expired ? "No progress within " + REGISTRATION_DAYS + " days" : null, null);
                        } else {
                            registrationId--;
                        }
                    }
                }
                progress.progress("Generating leads and opportunities", leads, leads);
                done(leadTable);
                done(assignments);
                done(opportunities);
                done(stages);
                done(registrations);
            }
        }

        private int pickPartner(long at) {
            for (int attempt = 0; attempt < 8; attempt++) {
                int p = weightedCumulative(partnerPickWeight);
                if (partnerActiveFrom[p] <= at && at < partnerActiveUntil[p]) {
                    return p;
                }
            }
            return -1;
        }

        // ---------------------------------------------------------------------------------------
        private void targets() throws IOException {
            int quarters = programWonByQuarter.length;
            int pastQuarters = quarterIndex(end - 1) + 1;
            try (CsvTable targets = table("target", "scope", "partner_id", "employee_id", "department_id",
                    "business_unit_id", "metric", "period_start", "period_end", "value")) {
                for (int p = 0; p < shape.partners(); p++) {
                    double total = 0;
                    int active = 0;
                    for (int q = 0; q < pastQuarters; q++) {
                        if (activeIn(p, q)) {
                            total += partnerWonByQuarter[p][q];
                            active++;
                        }
                    }
                    double average = active == 0 ? 20_000 : Math.max(5_000, total / active);
                    for (int q = 0; q < Math.min(quarters, pastQuarters + 4); q++) {
                        if (activeIn(p, q) || (q >= pastQuarters && partnerActiveUntil[p] == Long.MAX_VALUE)) {
                            targets.row("PARTNER", p + 1, null, null, null, "REVENUE", quarter(q).toString(),
                                    quarter(q + 1).toString(), roundTo(average * (0.95 + random.nextDouble() * 0.4), 500));
                        }
                    }
                }
                double[][] departmentTarget = new double[shape.departments()][quarters];
                for (int d = 0; d < shape.departments(); d++) {
                    double average = Arrays.stream(departmentWonByQuarter[d], 0, pastQuarters).sum() / pastQuarters;
                    for (int q = 0; q < Math.min(quarters, pastQuarters + 4); q++) {
                        departmentTarget[d][q] = roundTo(Math.max(10_000, average) * (0.95 + random.nextDouble() * 0.35), 1_000).doubleValue();
                        targets.row("DEPARTMENT", null, null, d + 1, null, "REVENUE", quarter(q).toString(),
                                quarter(q + 1).toString(), money(departmentTarget[d][q]));
                    }
                }
                for (int u = 0; u < shape.businessUnits(); u++) {
                    for (int q = 0; q < Math.min(quarters, pastQuarters + 4); q++) {
                        double sum = 0;
                        for (int d = u; d < shape.departments(); d += shape.businessUnits()) {
                            sum += departmentTarget[d][q];
                        }
                        targets.row("UNIT", null, null, null, u + 1, "REVENUE", quarter(q).toString(),
                                quarter(q + 1).toString(), money(sum));
                    }
                }
                double lastYear = 0;
                long lastYearDeals = 0;
                for (int q = Math.max(0, pastQuarters - 5); q < pastQuarters - 1; q++) {
                    lastYear += programWonByQuarter[q];
                    lastYearDeals += programDealsByQuarter[q];
                }
                for (int q = 0; q < Math.min(quarters, pastQuarters + 4); q++) {
                    double revenue = q < pastQuarters - 1 ? programWonByQuarter[q] : lastYear / 4 * 1.1;
                    long deals = q < pastQuarters - 1 ? programDealsByQuarter[q] : Math.round(lastYearDeals / 4.0 * 1.1);
                    BigDecimal revenueTarget = roundTo(Math.max(10_000, revenue) * (0.9 + random.nextDouble() * 0.3), 1_000);
                    targets.row("PROGRAM", null, null, null, null, "REVENUE", quarter(q).toString(), quarter(q + 1).toString(), revenueTarget);
                    targets.row("PROGRAM", null, null, null, null, "DEAL_COUNT", quarter(q).toString(), quarter(q + 1).toString(),
                            BigDecimal.valueOf(Math.max(1, Math.round(deals * (0.9 + random.nextDouble() * 0.3)))).setScale(2, RoundingMode.UNNECESSARY));
                    targets.row("PROGRAM", null, null, null, null, "PIPELINE", quarter(q).toString(), quarter(q + 1).toString(),
                            revenueTarget.multiply(BigDecimal.valueOf(3)));
                }
                done(targets);
            }
        }

        private boolean activeIn(int partner, int q) {
            long from = quarter(q).atStartOfDay(zone).toEpochSecond();
            long to = quarter(q + 1).atStartOfDay(zone).toEpochSecond();
            return partnerActiveFrom[partner] < to && partnerActiveUntil[partner] > from && from < end;
        }

        /**
         * Market development funds: each partner with a co-marketing campaign was allocated a fund for
         * the half-year the campaign began in and asked for its cost (mostly approved, some for less,
         * a few rejected); the campaigns that ended were claimed and mostly paid. Every active partner of
         * the two best tiers has a fund for this quarter, a few with a request waiting for a decision.
         */
        private void funds() throws IOException {
            try (CsvTable allocations = table("fund_allocation", "id", "partner_id", "period_start", "period_end", "amount", "currency", "note");
                 CsvTable requests = table("fund_request", "id", "allocation_id", "partner_id", "activity", "campaign_id", "starts_on",
                         "ends_on", "requested_amount", "approved_amount", "status", "submitted_at", "submitted_by", "decided_at",
                         "decided_by", "reason");
                 CsvTable claims = table("fund_claim", "id", "request_id", "partner_id", "amount", "proof", "status", "submitted_at",
                         "submitted_by", "decided_at", "decided_by", "reason", "paid_on", "payment_reference")) {
                int allocation = 0;
                int request = 0;
                int claim = 0;
                LocalDate thisQuarter = quarterStart(anchor.minusDays(1));
                for (int p = 0; p < shape.partners(); p++) {
                    if (partnerCoMarketingCampaign[p] != 0) {
                        LocalDate from = day(partnerCoMarketingFrom[p]);
                        LocalDate last = day(partnerCoMarketingTo[p] - 1);
                        LocalDate periodStart = LocalDate.of(from.getYear(), from.getMonthValue() <= 6 ? 1 : 7, 1);
                        BigDecimal cost = partnerCoMarketingCost[p];
                        allocations.row(++allocation, p + 1, periodStart, periodStart.plusMonths(6),
                                roundTo(cost.doubleValue() * (1.3 + random.nextDouble()), 500), "USD", "Co-marketing fund");
                        long submitted = from.minusDays(14 + random.nextInt(14)).atTime(10, 0).atZone(zone).toEpochSecond();
                        long decided = submitted + (2 + random.nextInt(5)) * 86_400L;
                        double roll = random.nextDouble();
                        String activity = "Co-marketing " + channelName[partnerCoMarketingChannel[p]];
                        if (decided >= end) {
                            requests.row(++request, allocation, p + 1, activity, partnerCoMarketingCampaign[p], from, last, cost, null,
                                    "SUBMITTED", instant(submitted), "partner" + (p + 1), null, null, null);
                            continue;
                        }
                        if (roll < 0.08) {
                            requests.row(++request, allocation, p + 1, activity, partnerCoMarketingCampaign[p], from, last, cost, null,
                                    "REJECTED", instant(submitted), "partner" + (p + 1), instant(decided), "manager",
                                    "Outside this half-year's priorities");
                            continue;
                        }
                        BigDecimal approved = roll < 0.25 ? roundTo(cost.doubleValue() * 0.8, 100).max(new BigDecimal("100.00")) : cost;
                        requests.row(++request, allocation, p + 1, activity, partnerCoMarketingCampaign[p], from, last, cost, approved,
                                "APPROVED", instant(submitted), "partner" + (p + 1), instant(decided), "manager", null);
                        long claimed = partnerCoMarketingTo[p] + (3 + random.nextInt(20)) * 86_400L;
                        if (claimed < end - 86_400L) {
                            BigDecimal amount = money(approved.doubleValue() * (0.85 + random.nextDouble() * 0.15));
                            long approvedAt = claimed + (2 + random.nextInt(6)) * 86_400L;
                            LocalDate paidOn = day(approvedAt).plusDays(10 + random.nextInt(20));
                            boolean paid = paidOn.isBefore(anchor);
                            boolean decidedYet = approvedAt < end;
                            claims.row(++claim, request, p + 1, amount, "Invoices for the campaign's media and material; leads list attached",
                                    !decidedYet ? "SUBMITTED" : paid ? "PAID" : "APPROVED", instant(claimed), "partner" + (p + 1),
                                    decidedYet ? instant(approvedAt) : null, decidedYet ? "manager" : null, null,
                                    paid && decidedYet ? paidOn : null, paid && decidedYet ? "PAY-" + (10_000 + claim) : null);
                        }
                    }
                }
                for (int p = 0; p < shape.partners(); p++) {
                    // the two best tiers, and the demo partner users' partners (2 and 4), whatever their tier
                    if ((partnerTier[p] <= 1 || p == 1 || p == 3) && partnerActiveUntil[p] == Long.MAX_VALUE && partnerActiveFrom[p] < end) {
                        BigDecimal amount = roundTo(5_000 + random.nextDouble() * 15_000, 500);
                        allocations.row(++allocation, p + 1, thisQuarter, thisQuarter.plusMonths(3), amount, "USD", "Quarterly fund");
                        if (random.nextDouble() < 0.3) {
                            LocalDate from = anchor.plusDays(7 + random.nextInt(21));
                            if (from.isBefore(thisQuarter.plusMonths(3))) {
                                long submitted = end - (1 + random.nextInt(5)) * 86_400L;
                                requests.row(++request, allocation, p + 1, pick(new String[] {"Webinar series", "Trade fair stand",
                                                "Customer event", "Paid search push"}), null, from, from.plusDays(14),
                                        roundTo(amount.doubleValue() * (0.2 + random.nextDouble() * 0.5), 100), null, "SUBMITTED",
                                        instant(submitted), "partner" + (p + 1), null, null, null);
                            }
                        }
                    }
                }
                done(allocations);
                done(requests);
                done(claims);
            }
        }

        private void audit() throws IOException {
            try (CsvTable audit = table("audit_log", "actor", "action", "entity_type", "entity_id", "after")) {
                audit.row("system", "demo-data.generated", "dataset", null,
                        "{\"anchor\": \"" + anchor + "\", \"partners\": " + shape.partners() + ", \"leads\": " + shape.leads()
                                + ", \"opportunities\": " + shape.opportunities() + "}");
                done(audit);
            }
        }

        // ---------------------------------------------------------------------------------------
        private CsvTable table(String name, String... columns) throws IOException {
            return new CsvTable(dir, name, columns);
        }

        private void done(CsvTable table) {
            written.add(table.written());
        }

        private LocalDate quarterStart(LocalDate day) {
            return LocalDate.of(day.getYear(), ((day.getMonthValue() - 1) / 3) * 3 + 1, 1);
        }

        private LocalDate quarter(int index) {
            return firstQuarter.plusMonths(3L * index);
        }

        private int quarterIndex(long epochSecond) {
            LocalDate day = Instant.ofEpochSecond(epochSecond).atZone(zone).toLocalDate();
            return (int) (ChronoUnit.MONTHS.between(firstQuarter, quarterStart(day)) / 3);
        }

        private int monthIndex(long epochSecond) {
            LocalDate day = Instant.ofEpochSecond(epochSecond).atZone(zone).toLocalDate();
            return (int) Math.min(months - 1, ChronoUnit.MONTHS.between(firstDay, day.withDayOfMonth(1)));
        }

        private Season season(long epochSecond, Hemisphere hemisphere) {
            Month month = Instant.ofEpochSecond(epochSecond).atZone(zone).getMonth();
            return Season.of(month, hemisphere);
        }

        private static double seasonalFactor(Season season, double winter, double summer) {
            return switch (season) {
                case WINTER -> winter;
                case SUMMER -> summer;
                default -> 1.0;
            };
        }

        private LocalDate day(long epochSecond) {
            return Instant.ofEpochSecond(epochSecond).atZone(zone).toLocalDate();
        }

        private String instant(long epochSecond) {
            return Instant.ofEpochSecond(epochSecond).atOffset(ZoneOffset.UTC).toString();
        }

        private static BigDecimal money(double value) {
            return BigDecimal.valueOf(StrictMath.round(value * 100)).movePointLeft(2);
        }

        private static BigDecimal roundTo(double value, int step) {
            return BigDecimal.valueOf(StrictMath.round(value / step) * (long) step).setScale(2, RoundingMode.UNNECESSARY);
        }

        private double gaussian() {
            // Box-Muller from two uniforms: the same numbers on every JVM
            double u1 = 1.0 - random.nextDouble();
            double u2 = random.nextDouble();
            return StrictMath.sqrt(-2 * StrictMath.log(u1)) * StrictMath.cos(2 * StrictMath.PI * u2);
        }

        private static double clamp(double value, double min, double max) {
            return Math.max(min, Math.min(max, value));
        }

        private <T> T pick(List<T> values) {
            return values.get(random.nextInt(values.size()));
        }

        private String pick(String[] values) {
            return values[random.nextInt(values.length)];
        }

        private static String nameFrom(String[] names, int i) {
            return i < names.length ? names[i] : names[i % names.length] + " " + (i / names.length + 1);
        }

        private int weighted(double[] shares) {
            double total = 0;
            for (double share : shares) {
                total += share;
            }
            double r = random.nextDouble() * total;
            for (int i = 0; i < shares.length; i++) {
                r -= shares[i];
                if (r < 0) {
                    return i;
                }
            }
            return shares.length - 1;
        }

        private int weightedCumulative(double[] cumulative) {
            double r = random.nextDouble() * cumulative[cumulative.length - 1];
            int i = Arrays.binarySearch(cumulative, r);
            return Math.min(cumulative.length - 1, i >= 0 ? i + 1 : -i - 1);
        }

        private int weightedPlace() {
            int total = 0;
            for (DemoGeography.Place place : DemoGeography.PLACES) {
                total += place.weight();
            }
            int r = random.nextInt(total);
            for (int i = 0; i < DemoGeography.PLACES.size(); i++) {
                r -= DemoGeography.PLACES.get(i).weight();
                if (r < 0) {
                    return i;
                }
            }
            return 0;
        }

        private int[] permutation(int n) {
            int[] order = new int[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            for (int i = n - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int swap = order[i];
                order[i] = order[j];
                order[j] = swap;
            }
            return order;
        }
    }
}
