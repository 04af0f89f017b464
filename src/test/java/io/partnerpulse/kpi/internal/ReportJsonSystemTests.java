package io.partnerpulse.kpi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import io.partnerpulse.PartnerPulseIntegrationTest;
import io.partnerpulse.kpi.KpiReport;
import io.partnerpulse.kpi.KpiReport.Group;
import io.partnerpulse.support.Api;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/**
 * A KPI report written in slices is byte for byte what the app's JSON mapper writes for it, whatever
 * its groups hold (nulls, absent and empty comparisons, targets, quality scores, warnings), and the
 * API answers with it.
 */
@PartnerPulseIntegrationTest
class ReportJsonSystemTests {

    @Autowired
    JsonMapper mapper;

    @LocalServerPort
    int port;

    @Test
    void writesALargeReportInSlicesByteForByteAsTheMapperDoes() throws Exception {
        for (int size : new int[] {ReportJson.SLICED_FROM, ReportJson.SLICED_FROM + 1, 2_501, 10_000}) {
            KpiReport report = report(size, size);
            ByteArrayOutputStream sliced = new ByteArrayOutputStream();
            new ReportJson(mapper).write(report, sliced);
            assertThat(sliced.toByteArray()).as("%d groups", size).isEqualTo(mapper.writeValueAsBytes(report));
        }
    }

    @Test
    void writesALargeReportInOneGoWhenTheMapperIndentsItsOutput() throws Exception {
        JsonMapper indenting = mapper.rebuild().enable(tools.jackson.databind.SerializationFeature.INDENT_OUTPUT).build();
        KpiReport report = report(2_000, 7);
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        new ReportJson(indenting).write(report, written);
        assertThat(written.toByteArray()).isEqualTo(indenting.writeValueAsBytes(report));
    }

    @Test
    void writesASmallReportAsTheMapperDoes() throws Exception {
        for (int size : new int[] {0, 1, 17}) {
            KpiReport report = report(size, size);
            ByteArrayOutputStream written = new ByteArrayOutputStream();
            new ReportJson(mapper).write(report, written);
            assertThat(written.toByteArray()).isEqualTo(mapper.writeValueAsBytes(report));
        }
    }

    @Test
    void answersKpiReportsAsJsonThroughTheApi() {
        Api.Response response = new Api(port).get("/api/v1/kpis?from=2026-01-01&to=2026-04-01&compare=previous,lastYear&groupBy=partner");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/json");
        assertThat(response.json().get("groups").isArray()).isTrue();
        assertThat(response.json().get("groupBy").asString()).isEqualTo("partner");
    }

    private static KpiReport report(int size, long seed) {
        Random random = new Random(seed);
        List<Group> groups = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            groups.add(new Group(Integer.toString(i + 1), "Partner \"" + i + "\" ü", kpis(random)));
        }
        return new KpiReport(LocalDate.of(2026, 7, 1), LocalDate.of(2026, 10, 1), "USD", "Europe/Berlin", "partner", groups,
                seed % 2 == 0 ? List.of() : List.of("3 record(s) in XYZ count as 0 in money totals."));
    }

    private static KpiReport.Kpis kpis(Random r) {
        BigDecimal money = r.nextInt(5) == 0 ? null : BigDecimal.valueOf(r.nextInt(10_000_000), 2);
        Optional<BigDecimal> previous = switch (r.nextInt(3)) {
            case 0 -> null;
            case 1 -> Optional.empty();
            default -> Optional.of(BigDecimal.valueOf(r.nextInt(1_000_000), 2));
        };
        KpiReport.Ratio ratio = new KpiReport.Ratio(r.nextBoolean() ? null : BigDecimal.valueOf(r.nextInt(10_000), 4),
                BigDecimal.valueOf(r.nextInt(50)), BigDecimal.valueOf(r.nextInt(50) + 1), r.nextBoolean() ? "cohort" : null,
                previous, Optional.empty());
        List<KpiReport.StageSlice> stages = List.of(
                new KpiReport.StageSlice("PROSPECTING", new BigDecimal("0.10"), r.nextInt(9), money, money),
                new KpiReport.StageSlice("PROPOSAL", new BigDecimal("0.50"), r.nextInt(9), BigDecimal.ZERO, BigDecimal.ZERO));
        KpiReport.Pipeline pipeline = r.nextInt(4) == 0 ? null : new KpiReport.Pipeline(money, r.nextInt(30), money, money, stages,
                r.nextInt(30), money, r.nextInt(5), r.nextInt(3), new KpiReport.Change(r.nextInt(9) - 4, BigDecimal.ONE, null),
                r.nextBoolean() ? null : BigDecimal.TEN, previous, null, r.nextBoolean() ? null : new BigDecimal("1000.00"),
                r.nextBoolean() ? null : Optional.of(new BigDecimal("0.1234")));
        KpiReport.QualityScore quality = r.nextBoolean() ? null : new KpiReport.QualityScore(
                r.nextBoolean() ? null : BigDecimal.valueOf(r.nextInt(10_000), 2), r.nextBoolean() ? null : r.nextInt(100), 100,
                List.of(new KpiReport.Component("closeRate", new BigDecimal("0.25"), null, BigDecimal.ONE)), previous,
                r.nextBoolean() ? null : 3, Optional.empty());
        return new KpiReport.Kpis(
                new KpiReport.AverageDealSize(money, money, BigDecimal.valueOf(r.nextInt(20)), money, "perDeal", previous, previous),
                new KpiReport.DealCount(r.nextInt(100), r.nextInt(100), r.nextInt(100), previous, null,
                        r.nextBoolean() ? null : BigDecimal.valueOf(12), Optional.empty()),
                new KpiReport.WonRevenue(money, previous, previous, null, null), pipeline, ratio, ratio,
                new KpiReport.SalesCycle(money, money, money, BigDecimal.ONE, previous, previous),
                new KpiReport.SalesVelocity(money, r.nextInt(40), money, null, money, previous, Optional.empty()),
                quality, new KpiReport.DealSuccess(null, BigDecimal.ZERO, BigDecimal.ZERO, ratio, previous, previous));
    }
}
