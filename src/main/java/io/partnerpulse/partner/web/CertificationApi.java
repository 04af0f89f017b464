package io.partnerpulse.partner.web;

import io.partnerpulse.partner.Certification;
import io.partnerpulse.partner.Certifications;
import io.partnerpulse.shared.Page;
import io.partnerpulse.shared.Versions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/certifications")
@Tag(name = "Certifications", description = "The certifications partners' people hold; a tier may ask for so many certified people.")
class CertificationApi {

    private final Certifications certifications;

    CertificationApi(Certifications certifications) {
        this.certifications = certifications;
    }

    @GetMapping
    @Operation(summary = "Certifications, the valid ones ending soonest first, then the expired ones: of one partner, of one status today (VALID, EXPIRING within 60 days, EXPIRED), "
            + "whose person, e-mail or certification holds q; CSV/XLSX with format")
    Page<Certification> list(@RequestParam(required = false) Long partnerId, @RequestParam(required = false) Certification.Status status,
                             @RequestParam(required = false) String q, @RequestParam(required = false) String sort,
                             @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return certifications.list(partnerId, status, q, sort, page, size);
    }

    @GetMapping("/{id}")
    ResponseEntity<Certification> get(@PathVariable long id) {
        return Versions.ok(certifications.get(id));
    }

    @PostMapping
    @Operation(summary = "Record a certification one of a partner's people holds (staff)")
    ResponseEntity<Certification> add(@Valid @RequestBody Certification.Form form) {
        Certification added = certifications.add(form);
        return Versions.created("/api/v1/certifications/" + added.id(), added);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Remove one recorded by mistake (staff; If-Match with the version read)")
    ResponseEntity<Void> remove(@PathVariable long id, @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        certifications.remove(id, Versions.required(ifMatch, null));
        return ResponseEntity.noContent().build();
    }
}
