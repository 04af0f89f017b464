package io.partnerpulse.web;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import io.partnerpulse.commission.CommissionStatements;
import io.partnerpulse.kpi.Dimension;
import io.partnerpulse.kpi.KpiQuery;
import io.partnerpulse.kpi.KpiReport;
import io.partnerpulse.kpi.Kpis;
import io.partnerpulse.organization.OrganizationManagement;
import io.partnerpulse.partner.PartnerManagement;
import io.partnerpulse.shared.ApiError;
import io.partnerpulse.shared.Format;
import io.partnerpulse.shared.OrganizationSettings;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The scorecard of a partner, employee, department, unit or the whole program as a PDF for a
 * period: the eight KPIs with their change against the previous period and the same period a year
 * earlier and the target attainment, a chart of won revenue and deals over the twelve months to
 * the period's end, and for a partner its commission statement. The same numbers as the pages, from
 * the same KPI cards. Pages link to it; the API serves it at /api/v1/scorecards.
 */
@RestController
class ScorecardPdf implements io.partnerpulse.report.ScorecardRenderer {

    private static final Color INK = new Color(0x1f, 0x29, 0x33);
    private static final Color MUTED = new Color(0x5b, 0x67, 0x75);
    private static final Color ACCENT = new Color(0x0b, 0x5c, 0x8e);
    private static final Color LINE = new Color(0xd5, 0xdb, 0xe1);
    private static final Color UP = new Color(0x1a, 0x7f, 0x37);
    private static final Color DOWN = new Color(0xb0, 0x24, 0x18);

    /** How many funded activities a scorecard lists: those with the most won revenue. */
    private static final int FUNDED_ACTIVITIES = 10;

    private final KpiCards cards;
    private final Kpis kpis;
    private final PartnerManagement partners;
    private final OrganizationManagement organization;
    private final CommissionStatements commissions;
    private final OrganizationSettings settings;
    private final MessageSource messages;
    private final io.partnerpulse.shared.CurrentActor actor;
    private final PlanView plan;
    private final io.partnerpulse.fund.FundManagement funds;
    private final io.partnerpulse.recommendation.TierStandings tiers;

    /** For a partner, its tier standing in words; for a partner and the program, their funds and the funded activities' returns. */
    private record Extras(String tierStanding, io.partnerpulse.fund.FundRecords.Totals funds,
                          List<io.partnerpulse.fund.FundRecords.FundReturn> returns) {
        static final Extras NONE = new Extras(null, null, List.of());
    }

    ScorecardPdf(KpiCards cards, Kpis kpis, PartnerManagement partners, OrganizationManagement organization,
                 CommissionStatements commissions, OrganizationSettings settings, MessageSource messages,
                 io.partnerpulse.shared.CurrentActor actor, PlanView plan, io.partnerpulse.fund.FundManagement funds,
                 io.partnerpulse.recommendation.TierStandings tiers) {
        this.funds = funds;
        this.tiers = tiers;
        this.actor = actor;
        this.plan = plan;
        this.cards = cards;
        this.kpis = kpis;
        this.partners = partners;
        this.organization = organization;
        this.commissions = commissions;
        this.settings = settings;
        this.messages = messages;
    }

    @GetMapping({"/scorecard.pdf", "/api/v1/scorecards/program"})
    ResponseEntity<byte[]> program(@RequestParam Map<String, String> params, Locale locale) {
        return pdf("program", null, params, locale);
    }

    /** A distributor's whole channel (two-tier distribution): its own deals and its resellers'. */
    @GetMapping("/partners/{id}/channel-scorecard.pdf")
    ResponseEntity<byte[]> channel(@PathVariable long id, @RequestParam Map<String, String> params, Locale locale) {
        return pdf("distributor", id, params, locale);
    }

    @GetMapping({"/partners/{id}/scorecard.pdf", "/organization/{scope}/{id}/scorecard.pdf", "/api/v1/scorecards/{scope}/{id}"})
    ResponseEntity<byte[]> scoped(@PathVariable(required = false) String scope, @PathVariable long id,
                                  @RequestParam Map<String, String> params, Locale locale) {
        return pdf(scope == null ? "partner" : scope, id, params, locale);
    }

    private ResponseEntity<byte[]> pdf(String scope, Long id, Map<String, String> params, Locale asked) {
        Map<String, String> query = new HashMap<>(params);
        if (query.containsKey("from") && query.containsKey("to") && !query.containsKey("period")) {
            checkDate(query, "from");
            checkDate(query, "to");
            query.put("period", "custom");
        }
        Scorecard scorecard = scorecard(scope, id, query, asked);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(scorecard.fileName()).build().toString())
                .body(scorecard.pdf());
    }

    @Override
    public String subject(String scope, Long id, Locale locale) {
        if (!scope.equals("partner") && !scope.equals("distributor")) {
            actor.requireStaff();
        }
        return switch (scope) {
            case "partner" -> partners.get(id).name();
            case "distributor" -> {
                io.partnerpulse.partner.PartnerView distributor = partners.get(id);
                if (!distributor.distributor()) {
                    throw ApiError.notFound("distributor", id);
                }
                yield msg("scorecard.channel", locale, distributor.name());
            }
            case "employee" -> organization.employee(id).fullName();
            case "department" -> organization.department(id).name();
            case "unit" -> organization.unit(id).name();
            case "program" -> msg("scorecard.program", locale);
            default -> throw ApiError.invalidParameter("scope", "scope is partner, distributor, employee, department, unit or program",
                    List.of("partner", "distributor", "employee", "department", "unit", "program"));
        };
    }

    @Override
    public Scorecard render(String scope, Long id, LocalDate from, LocalDate to, Locale locale) {
        return scorecard(scope, id, Map.of("period", "custom", "from", from.toString(), "to", to.toString()), locale);
    }

    private Scorecard scorecard(String scope, Long id, Map<String, String> query, Locale asked) {
        // The font shipped for PDFs (PdfFonts) has no glyphs for two letters Urdu needs on every line (heh goal
        // and yeh barree): an Urdu request gets the English scorecard.
        Locale locale = asked.getLanguage().equals("ur") ? Locale.ENGLISH : asked;
        String name = subject(scope, id, locale); // a partner user has its own partner's scorecard, not the program's or a department's
        Dimension dimension = switch (scope) {
            case "partner" -> Dimension.PARTNER;
            case "employee" -> Dimension.EMPLOYEE;
            case "department" -> Dimension.DEPARTMENT;
            case "unit" -> Dimension.UNIT;
            case "distributor" -> Dimension.DISTRIBUTOR;
            default -> null;
        };
        Selection asked0 = Selection.parse(query, LocalDate.now(settings.timeZone()));
        Selection selection = new Selection(asked0.period(), asked0.from(), asked0.to(), null,
                dimension == Dimension.UNIT ? id : null, dimension == Dimension.DEPARTMENT ? id : null, null, null,
                dimension == Dimension.PARTNER ? id : null, dimension == Dimension.EMPLOYEE ? id : null, null,
                dimension == Dimension.DISTRIBUTOR ? id : null);
        KpiQuery kpiQuery = new KpiQuery(selection.from(), selection.to(), null, selection.filters(),
                Set.of(KpiQuery.Comparison.PREVIOUS, KpiQuery.Comparison.LAST_YEAR), KpiQuery.CloseRateVariant.COHORT,
                KpiQuery.AverageDealSizeVariant.PER_DEAL);
        KpiCards.Result result = cards.cards(kpiQuery, locale);
        LocalDate historyFrom = YearMonth.from(selection.to().minusDays(1)).minusMonths(11).atDay(1);
        List<KpiReport.Group> months = kpis.report(KpiQuery.of(historyFrom, selection.to()).withGroupBy(Dimension.MONTH)
                .withFilters(selection.filters())).groups();
        CommissionStatements.Statement statement = dimension == Dimension.PARTNER
                ? commissions.statement(id, selection.from(), selection.to()) : null;
        List<io.partnerpulse.recommendation.Recommendation> recommendations = plan.forSelection(selection, locale);

        Format format = new Format(locale, settings.currency());
        Extras extras = switch (scope) {
            case "partner" -> new Extras(tiers.standings(id, null).stream().findFirst()
                    .map(t -> msg("partner.tierStanding", locale, t.months(), io.partnerpulse.recommendation.TierStandings.said(t, messages, format, locale)))
                    .orElse(null), funds.totals(id, null), funds.returns(id, null, 0, FUNDED_ACTIVITIES).items());
            case "program" -> new Extras(null, funds.totals(null, null), funds.returns(null, null, 0, FUNDED_ACTIVITIES).items());
            default -> Extras.NONE;
        };
        byte[] bytes = render(name, scope, selection, result, months, statement, recommendations, extras, format, locale);
        String file = "scorecard-" + scope + (id == null ? "" : "-" + id) + "-" + selection.from() + ".pdf";
        List<String> headlines = result.cards().stream()
                .map(c -> c.title() + ": " + c.value() + (c.vsPrevious() == null || c.vsPrevious().text() == null ? ""
                        : " (" + msg("scorecard.vsPrevious", locale) + " " + c.vsPrevious().text() + ")"))
                .toList();
        return new Scorecard(bytes, file, msg("scorecard.title", locale, name), headlines);
    }

    private static void checkDate(Map<String, String> query, String name) {
        try {
            LocalDate.parse(query.get(name));
        } catch (java.time.format.DateTimeParseException e) {
            throw ApiError.invalidParameter(name, name + " must be an ISO date such as 2026-01-01.", null);
        }
    }

    private byte[] render(String name, String scope, Selection selection, KpiCards.Result result, List<KpiReport.Group> months,
                          CommissionStatements.Statement statement, List<io.partnerpulse.recommendation.Recommendation> recommendations,
                          Extras extras, Format format, Locale locale) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 40, 40, 40, 40);
        PdfWriter writer = PdfWriter.getInstance(document, out);
        document.addTitle(msg("scorecard.title", locale, name));
        document.addCreator("PartnerPulse");
        document.open();
        Font title = PdfFonts.bold(18, INK);
        Font heading = PdfFonts.bold(12, INK);
        Font body = PdfFonts.regular(9, INK);
        Font small = PdfFonts.regular(8, MUTED);
        Font value = PdfFonts.bold(11, INK);

        document.add(PdfFonts.line(new Paragraph(msg("scorecard.title", locale, name), title)));
        document.add(PdfFonts.line(new Paragraph(msg("scorecard.subtitle", locale, msg("scorecard.scope." + scope, locale),
                format.date(selection.from()), format.date(selection.to().minusDays(1)), settings.currency(),
                format.dateTime(java.time.Instant.now(), settings.timeZone())), small)));
        if (extras.tierStanding() != null) {
            document.add(PdfFonts.line(new Paragraph(extras.tierStanding(), body)));
        }
        document.add(new Paragraph(" ", body));

        PdfPTable table = PdfFonts.table(3.2f, 2.2f, 1.4f, 1.4f, 1.3f);
        header(table, locale, "scorecard.kpi", "scorecard.value", "scorecard.vsPrevious", "scorecard.vsLastYear", "scorecard.attainment");
        for (Card card : result.cards()) {
            PdfPCell kpi = new PdfPCell();
            kpi.addElement(new Phrase(card.title(), body));
            kpi.addElement(new Phrase(card.note() == null ? "" : card.note(), small));
            table.addCell(styled(kpi));
            table.addCell(styled(new PdfPCell(new Phrase(card.value(), value))));
            table.addCell(styled(change(card.vsPrevious(), body)));
            table.addCell(styled(change(card.vsLastYear(), body)));
            table.addCell(styled(new PdfPCell(new Phrase(card.attainment() == null ? "–" : card.attainment(), body))));
        }
        document.add(table);
        if (result.empty()) {
            document.add(PdfFonts.line(new Paragraph(msg("scorecard.empty", locale), small)));
        }

        document.add(new Paragraph(" ", body));
        document.add(PdfFonts.line(new Paragraph(msg("scorecard.chart", locale), heading)));
        document.add(chart(writer, months, format, locale));

        document.add(PdfFonts.line(new Paragraph(msg("recommendations.title", locale), heading)));
        if (recommendations.isEmpty()) {
            document.add(PdfFonts.line(new Paragraph(msg("recommendations.none", locale), small)));
        }
        for (io.partnerpulse.recommendation.Recommendation r : recommendations) {
            Paragraph item = new Paragraph();
            item.add(new Chunk(msg("recommendations.severity." + r.severity().name(), locale).toUpperCase(locale) + "  ",
                    PdfFonts.bold(8, r.severity() == io.partnerpulse.recommendation.Recommendation.Severity.HIGH ? DOWN : MUTED)));
            item.add(new Chunk(r.title(), PdfFonts.bold(9, INK)));
            document.add(PdfFonts.line(item));
            document.add(PdfFonts.line(new Paragraph(r.action(), body)));
            document.add(new Paragraph(" ", small));
        }

        if (statement != null) {
            document.add(PdfFonts.line(new Paragraph(msg("scorecard.commission", locale), heading)));
            if (statement.lines().isEmpty()) {
                document.add(PdfFonts.line(new Paragraph(msg("scorecard.commission.none", locale), small)));
            } else {
                PdfPTable lines = PdfFonts.table(3.5f, 1.2f, 1.6f, 1.6f, 1f, 1.6f);
                header(lines, locale, "scorecard.deal", "scorecard.kind", "scorecard.day", "scorecard.dealAmount", "scorecard.rate",
                        "scorecard.commissionAmount");
                for (CommissionStatements.Line line : statement.lines()) {
                    lines.addCell(styled(new PdfPCell(new Phrase(line.opportunityName(), body))));
                    lines.addCell(styled(new PdfPCell(new Phrase(line.kind(), body))));
                    lines.addCell(styled(new PdfPCell(new Phrase(line.accruedAt().atZone(settings.timeZone()).toLocalDate().toString(), body))));
                    lines.addCell(styled(right(new Phrase(line.dealAmount().toPlainString() + " " + line.currency(), body))));
                    lines.addCell(styled(right(new Phrase(format.percent(line.rate()), body))));
                    lines.addCell(styled(right(new Phrase(line.amount().toPlainString() + " " + line.currency(), body))));
                }
                document.add(lines);
                for (CommissionStatements.Total total : statement.totals()) {
                    document.add(PdfFonts.line(new Paragraph(msg("scorecard.commission.total", locale, total.amount().toPlainString(),
                            total.currency(), total.deals()), value)));
                }
            }
        }
        if (extras.funds() != null && extras.funds().allocated().signum() != 0) {
            io.partnerpulse.fund.FundRecords.Totals f = extras.funds();
            document.add(PdfFonts.line(new Paragraph(msg("funds.title", locale), heading)));
            document.add(PdfFonts.line(new Paragraph(msg("partner.funds", locale, format.money(f.allocated()), format.money(f.approved()),
                    format.money(f.paid()), format.money(f.available()), f.roi() == null ? "—" : format.percent(f.roi())), body)));
            if (!extras.returns().isEmpty()) {
                PdfPTable returns = PdfFonts.table(4f, 1f, 1.6f, 1.6f, 1.2f);
                header(returns, locale, "funds.activity", "funds.returns.won", "funds.returns.revenue", "funds.returns.paid", "funds.roi");
                for (io.partnerpulse.fund.FundRecords.FundReturn r : extras.returns()) {
                    returns.addCell(styled(new PdfPCell(new Phrase(scope.equals("program") ? r.activity() + " (" + r.partnerName() + ")" : r.activity(), body))));
                    returns.addCell(styled(right(new Phrase(format.count(r.wonDeals()), body))));
                    returns.addCell(styled(right(new Phrase(format.money(r.revenue()), body))));
                    returns.addCell(styled(right(new Phrase(format.money(r.paid()), body))));
                    returns.addCell(styled(right(new Phrase(r.roi() == null ? "—" : format.percent(r.roi()), body))));
                }
                document.add(returns);
            }
        }
        document.add(new Paragraph(" ", body));
        document.add(PdfFonts.line(new Paragraph(msg("scorecard.footer", locale), small)));
        document.close();
        return out.toByteArray();
    }

    /** A table's header row: the column titles from the bundle, small and muted, ruled below. */
    private void header(PdfPTable table, Locale locale, String... keys) {
        for (String key : keys) {
            PdfPCell cell = new PdfPCell(new Phrase(msg(key, locale), PdfFonts.bold(8, MUTED)));
            cell.setBorder(PdfPCell.BOTTOM);
            cell.setBorderColor(LINE);
            cell.setPaddingBottom(4);
            table.addCell(cell);
        }
    }

    private static PdfPCell styled(PdfPCell cell) {
        cell.setBorder(PdfPCell.BOTTOM);
        cell.setBorderColor(LINE);
        cell.setPaddingTop(4);
        cell.setPaddingBottom(5);
        cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
        return cell;
    }

    private static PdfPCell right(Phrase phrase) {
        PdfPCell cell = new PdfPCell(phrase);
        cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
        return cell;
    }

    private static PdfPCell change(Card.Change change, Font body) {
        if (change == null) {
            return new PdfPCell(new Phrase("–", body));
        }
        Color color = "up".equals(change.direction()) ? UP : "down".equals(change.direction()) ? DOWN : INK;
        return new PdfPCell(new Phrase(change.text(), PdfFonts.regular(9, color)));
    }

    /** Won revenue per month as bars, with the number of won deals above each. */
    /** A bar's month as a reader names it in a narrow place: "Jan 26" (a report's key "2026-01"). */
    private static String shortMonth(String key, Locale locale) {
        try {
            return java.time.format.DateTimeFormatter.ofPattern("MMM yy", locale).format(YearMonth.parse(key));
        } catch (java.time.format.DateTimeParseException e) {
            return key;
        }
    }

    private com.lowagie.text.Image chart(PdfWriter writer, List<KpiReport.Group> months, Format format, Locale locale) {
        float width = 515;
        float height = 170;
        PdfContentByte canvas = writer.getDirectContent();
        PdfTemplate template = canvas.createTemplate(width, height);
        float left = 60;
        float bottom = 24;
        float plotHeight = height - bottom - 18;
        BigDecimal max = months.stream().map(g -> g.kpis().wonRevenue().value()).max(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
        com.lowagie.text.pdf.BaseFont font = PdfFonts.REGULAR;
        template.setColorStroke(LINE);
        template.setLineWidth(0.5f);
        for (int i = 0; i <= 4; i++) {
            float y = bottom + plotHeight * i / 4;
            template.moveTo(left, y);
            template.lineTo(width, y);
            template.stroke();
            template.beginText();
            template.setFontAndSize(font, 7);
            template.setColorFill(MUTED);
            BigDecimal tick = max.multiply(BigDecimal.valueOf(i)).divide(BigDecimal.valueOf(4), 0, java.math.RoundingMode.HALF_UP);
            template.showTextAligned(Element.ALIGN_RIGHT, format.money(tick), left - 4, y - 2, 0);
            template.endText();
        }
        int n = Math.max(1, months.size());
        float slot = (width - left) / n;
        for (int i = 0; i < months.size(); i++) {
            KpiReport.Group month = months.get(i);
            BigDecimal revenue = month.kpis().wonRevenue().value();
            float barHeight = max.signum() == 0 ? 0 : revenue.divide(max, 6, java.math.RoundingMode.HALF_UP).floatValue() * plotHeight;
            float x = left + i * slot + slot * 0.18f;
            template.setColorFill(ACCENT);
            template.rectangle(x, bottom, slot * 0.64f, Math.max(barHeight, 0.5f));
            template.fill();
            template.beginText();
            template.setFontAndSize(font, 7);
            template.setColorFill(INK);
            template.showTextAligned(Element.ALIGN_CENTER, Long.toString(month.kpis().dealCount().value()), x + slot * 0.32f,
                    bottom + barHeight + 3, 0);
            template.setColorFill(MUTED);
            template.showTextAligned(Element.ALIGN_CENTER, shortMonth(month.key(), locale), x + slot * 0.32f, bottom - 11, 0);
            template.endText();
        }
        var image = com.lowagie.text.Image.getInstance(template);
        image.setAlt(msg("scorecard.chart", locale));
        return image;
    }

    private String msg(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
