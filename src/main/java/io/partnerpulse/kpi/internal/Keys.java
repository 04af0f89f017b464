package io.partnerpulse.kpi.internal;

import java.time.Instant;
import java.time.Month;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.Locale;

import io.partnerpulse.kpi.Dimension;
import io.partnerpulse.shared.Hemisphere;
import io.partnerpulse.shared.Season;

/**
 * The key of every fact (deal, lead, registration) on every dimension, and the key's name and
 * label. Keys are ints: entity ids, interned strings, tier or channel type plus one, months since
 * year 0. Key 0 means "none" (a direct deal has partner 0).
 */
final class Keys {

    private final KpiSnapshot s;

    Keys(KpiSnapshot s) {
        this.s = s;
    }

    int deal(Dimension dimension, int d, long at) {
        return switch (dimension) {
            case PARTNER -> s.dealPartner[d];
            case TIER -> tier(s.dealPartner[d]);
            case DISTRIBUTOR -> distributor(s.dealPartner[d]);
            case EMPLOYEE -> s.dealOwner[d];
            case DEPARTMENT -> department(s.dealOwner[d]);
            case UNIT -> unit(s.dealOwner[d]);
            case CHANNEL -> s.dealChannel[d];
            case CHANNEL_TYPE -> channelType(s.dealChannel[d]);
            case CAMPAIGN -> s.dealCampaign[d];
            case COUNTRY -> s.dealCountry[d];
            case REGION -> s.dealRegion[d];
            case CITY -> s.dealCity[d];
            case PRODUCT_LINE -> s.dealProduct[d];
            case MONTH, MONTH_OF_YEAR, SEASON -> time(dimension, at, s.dealCountry[d]);
        };
    }

    int lead(Dimension dimension, int l, long at) {
        return switch (dimension) {
            case PARTNER -> s.leadPartner[l];
            case TIER -> tier(s.leadPartner[l]);
            case DISTRIBUTOR -> distributor(s.leadPartner[l]);
            case EMPLOYEE -> s.leadOwner[l];
            case DEPARTMENT -> department(s.leadOwner[l]);
            case UNIT -> unit(s.leadOwner[l]);
            case CHANNEL -> s.leadChannel[l];
            case CHANNEL_TYPE -> channelType(s.leadChannel[l]);
            case CAMPAIGN -> s.leadCampaign[l];
            case COUNTRY -> s.leadCountry[l];
            case REGION -> s.leadRegion[l];
            case CITY -> s.leadCity[l];
            case PRODUCT_LINE -> s.leadDeal[l] >= 0 ? s.dealProduct[s.leadDeal[l]] : 0;
            case MONTH, MONTH_OF_YEAR, SEASON -> time(dimension, at, s.leadCountry[l]);
        };
    }

    /** A registration is sliced by its own partner and product line, and by its deal for the rest. */
    int registration(Dimension dimension, int r, long at) {
        int d = s.registrationDeal[r];
        return switch (dimension) {
            case PARTNER -> s.registrationPartner[r];
            case TIER -> tier(s.registrationPartner[r]);
            case DISTRIBUTOR -> distributor(s.registrationPartner[r]);
            case PRODUCT_LINE -> s.registrationProduct[r] != 0 ? s.registrationProduct[r] : d >= 0 ? s.dealProduct[d] : 0;
            case MONTH, MONTH_OF_YEAR, SEASON -> time(dimension, at, d >= 0 ? s.dealCountry[d] : 0);
            default -> d >= 0 ? deal(dimension, d, at) : 0;
        };
    }

    /** An upper bound of the keys of a dimension (0 when unbounded, as months are). */
    int bound(Dimension dimension) {
        return switch (dimension) {
            case PARTNER, DISTRIBUTOR -> s.partnerName.length;
            case TIER -> KpiSnapshot.TIERS.length + 1;
            case EMPLOYEE -> s.employeeName.length;
            case DEPARTMENT -> s.departmentName.length;
            case UNIT -> s.unitName.length;
            case CHANNEL -> s.channelName.length;
            case CHANNEL_TYPE -> KpiSnapshot.CHANNEL_TYPES.length + 1;
            case CAMPAIGN -> s.campaignName.length;
            case COUNTRY -> s.countries.size();
            case REGION -> s.regions.size();
            case CITY -> s.cities.size();
            case PRODUCT_LINE -> s.productLineName.length;
            case MONTH -> 0;
            case MONTH_OF_YEAR -> 13;
            case SEASON -> Season.values().length + 1;
        };
    }

    int tier(int partner) {
        return partner == 0 ? 0 : s.partnerTier[partner] + 1;
    }

    /** The distributor a partner buys through; a distributor's own key is itself; 0: none. */
    int distributor(int partner) {
        return partner == 0 || partner >= s.partnerDistributor.length ? 0 : s.partnerDistributor[partner];
    }

    int department(int employee) {
        return employee == 0 ? 0 : s.employeeDepartment[employee];
    }

    int unit(int employee) {
        int department = department(employee);
        return department == 0 ? 0 : s.departmentUnit[department];
    }

    int channelType(int channel) {
        return channel == 0 ? 0 : s.channelType[channel] + 1;
    }

    private int time(Dimension dimension, long at, int country) {
        ZonedDateTime t = Instant.ofEpochSecond(at).atZone(s.zone);
        return switch (dimension) {
            case MONTH -> t.getYear() * 12 + t.getMonthValue() - 1;
            case MONTH_OF_YEAR -> t.getMonthValue();
            default -> Season.of(t.getMonth(), country > 0 && country < s.countrySouth.length && s.countrySouth[country]
                    ? Hemisphere.SOUTH : Hemisphere.NORTH).ordinal() + 1;
        };
    }

    /** The key of a name as {@link #name} shows it, or -1 when it is not a valid name. */
    int parse(Dimension dimension, String name) {
        if ("none".equals(name)) {
            return 0;
        }
        try {
            return switch (dimension) {
                case TIER -> java.util.List.of(KpiSnapshot.TIERS).indexOf(name.toUpperCase(Locale.ROOT)) + 1;
                case CHANNEL_TYPE -> java.util.List.of(KpiSnapshot.CHANNEL_TYPES).indexOf(name.toUpperCase(Locale.ROOT)) + 1;
                case COUNTRY -> s.countries.find(name.toUpperCase(Locale.ROOT));
                case REGION -> s.regions.find(name);
                case CITY -> s.cities.find(name);
                case MONTH -> {
                    YearMonth m = YearMonth.parse(name);
                    yield m.getYear() * 12 + m.getMonthValue() - 1;
                }
                case MONTH_OF_YEAR -> {
                    int m = Integer.parseInt(name);
                    yield m >= 1 && m <= 12 ? m : -1;
                }
                case SEASON -> Season.valueOf(name.toUpperCase(Locale.ROOT)).ordinal() + 1;
                default -> {
                    long id = Long.parseLong(name);
                    yield id > 0 && id < Integer.MAX_VALUE ? (int) id : -1;
                }
            };
        } catch (RuntimeException notAName) {
            return -1;
        }
    }

    /** The key as the API shows it. */
    String name(Dimension dimension, int key) {
        if (key == 0) {
            return "none";
        }
        return switch (dimension) {
            case TIER -> KpiSnapshot.TIERS[key - 1];
            case CHANNEL_TYPE -> KpiSnapshot.CHANNEL_TYPES[key - 1];
            case COUNTRY -> s.countries.value(key);
            case REGION -> s.regions.value(key);
            case CITY -> s.cities.value(key);
            case MONTH -> YearMonth.of(key / 12, key % 12 + 1).toString();
            case SEASON -> Season.values()[key - 1].name();
            default -> Integer.toString(key);
        };
    }

    String label(Dimension dimension, int key) {
        if (key == 0) {
            return switch (dimension) {
                case PARTNER -> "Direct (no partner)";
                case TIER -> "Direct (no tier)";
                case DISTRIBUTOR -> "No distributor";
                case MONTH, MONTH_OF_YEAR, SEASON -> "none";
                default -> "Not set";
            };
        }
        return switch (dimension) {
            case PARTNER, DISTRIBUTOR -> at(s.partnerName, key);
            case TIER, CHANNEL_TYPE -> capitalized(name(dimension, key));
            case EMPLOYEE -> at(s.employeeName, key);
            case DEPARTMENT -> at(s.departmentName, key);
            case UNIT -> at(s.unitName, key);
            case CHANNEL -> at(s.channelName, key);
            case CAMPAIGN -> at(s.campaignName, key);
            case COUNTRY -> s.countryNames.getOrDefault(s.countries.value(key), s.countries.value(key));
            case REGION -> s.regions.value(key);
            case CITY -> s.cities.value(key);
            case PRODUCT_LINE -> at(s.productLineName, key);
            case MONTH -> name(dimension, key);
            case MONTH_OF_YEAR -> Month.of(key).getDisplayName(TextStyle.FULL, Locale.ENGLISH);
            case SEASON -> capitalized(name(dimension, key));
        };
    }

    private static String at(String[] names, int key) {
        return key < names.length && names[key] != null ? names[key] : "#" + key;
    }

    private static String capitalized(String code) {
        return code.charAt(0) + code.substring(1).toLowerCase(Locale.ROOT);
    }
}
