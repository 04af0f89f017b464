package io.partnerpulse.report.web;

import java.util.List;
import java.util.Locale;

import io.partnerpulse.report.ReportSubscriptions;
import io.partnerpulse.shared.ApiError;
import io.partnerpulse.shared.Page;
import io.partnerpulse.shared.Versions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/report-subscriptions")
@Tag(name = "Scheduled reports", description = "Scorecards e-mailed as PDF after every week, month or quarter, made as the "
        + "subscription's owner. Partner users subscribe to their own partner's scorecard and see only their own subscriptions.")
class ReportApi {

    private final ReportSubscriptions reports;

    ReportApi(ReportSubscriptions reports) {
        this.reports = reports;
    }

    @GetMapping
    @Operation(summary = "The subscriptions you may see, with the last delivery's status")
    List<ReportSubscriptions.Subscription> list() {
        return reports.list();
    }

    @PostMapping
    @Operation(summary = "Subscribe addresses to a scorecard: scope program (no scopeId), partner, employee, department or unit "
            + "(with scopeId); frequency WEEKLY, MONTHLY or QUARTERLY; the first is sent on the next period's first day")
    ResponseEntity<ReportSubscriptions.Subscription> create(@RequestBody ReportSubscriptions.SubscriptionForm form, Locale locale) {
        ReportSubscriptions.Subscription created = reports.create(form, locale);
        return Versions.created("/api/v1/report-subscriptions/" + created.id(), created);
    }

    @GetMapping("/{id}")
    ResponseEntity<ReportSubscriptions.Subscription> get(@PathVariable long id) {
        return Versions.ok(reports.get(id));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Change a subscription (If-Match: its version)")
    ResponseEntity<ReportSubscriptions.Subscription> edit(@PathVariable long id, @RequestBody ReportSubscriptions.SubscriptionForm form,
                                                          @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return Versions.ok(reports.edit(id, form, Versions.required(ifMatch, null)));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable long id) {
        reports.delete(id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/send")
    @Operation(summary = "Send the scorecard of the last period that ended, now (within the scheduler's poll)")
    ResponseEntity<ReportSubscriptions.Delivery> send(@PathVariable long id) {
        ReportSubscriptions.Delivery delivery = reports.sendNow(id);
        return ResponseEntity.accepted().body(delivery);
    }

    @GetMapping("/{id}/deliveries")
    @Operation(summary = "The delivery log, newest first: period, recipients, status, attempts, last error")
    Page<ReportSubscriptions.Delivery> deliveries(@PathVariable long id, @RequestParam(required = false) String status,
                                                  @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        if (status != null && !status.isBlank() && !ReportSubscriptions.DELIVERY_STATUSES.contains(status)) {
            throw ApiError.invalidParameter("status", "status is one of " + ReportSubscriptions.DELIVERY_STATUSES,
                    ReportSubscriptions.DELIVERY_STATUSES);
        }
        return reports.deliveries(id, status == null || status.isBlank() ? null : status, page, size);
    }

    @GetMapping("/{id}/deliveries/{deliveryId}")
    ReportSubscriptions.Delivery delivery(@PathVariable long id, @PathVariable long deliveryId) {
        return reports.delivery(id, deliveryId);
    }

    @GetMapping("/{id}/deliveries/{deliveryId}/document")
    @Operation(summary = "The PDF the delivery sent")
    ResponseEntity<byte[]> document(@PathVariable long id, @PathVariable long deliveryId) {
        return pdf(reports.document(id, deliveryId));
    }

    static ResponseEntity<byte[]> pdf(ReportSubscriptions.Document document) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(document.fileName()).build().toString())
                .body(document.pdf());
    }
}
