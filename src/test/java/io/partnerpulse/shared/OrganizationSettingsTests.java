package io.partnerpulse.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class OrganizationSettingsTests {

    private final OrganizationSettings karachi = new OrganizationSettings("PKR", ZoneId.of("Asia/Karachi"));

    private static Clock at(String instant) {
        return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
    }

    @Test
    void aDailyJobsTimeComesByTheOrganizationsClockNotTheServers() {
        // 01:59 UTC is 06:59 in Karachi (UTC+5): not yet; 02:00 UTC is 07:00 there
        assertThat(karachi.dayOnceItIs(at("2026-11-30T01:59:59Z"), LocalTime.of(7, 0))).isEmpty();
        assertThat(karachi.dayOnceItIs(at("2026-11-30T02:00:00Z"), LocalTime.of(7, 0))).contains(LocalDate.of(2026, 11, 30));
        // 20:00 UTC on the 29th is already 01:00 on the 30th there
        assertThat(karachi.dayOnceItIs(at("2026-11-29T20:00:00Z"), LocalTime.of(0, 30))).contains(LocalDate.of(2026, 11, 30));
    }
}
