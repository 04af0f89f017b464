package io.partnerpulse.product.web;

import io.partnerpulse.product.ProductLineManagement;
import io.partnerpulse.product.ProductLineManagement.ProductLineForm;
import io.partnerpulse.product.ProductLineManagement.ProductLineView;
import io.partnerpulse.shared.Page;
import io.partnerpulse.shared.Versions;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
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
@RequestMapping("/api/v1/product-lines")
@Tag(name = "Product lines")
class ProductLineApi {

    private final ProductLineManagement lines;

    ProductLineApi(ProductLineManagement lines) {
        this.lines = lines;
    }

    @GetMapping
    Page<ProductLineView> list(@RequestParam(required = false) String q, @RequestParam(required = false) String sort,
                               @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return lines.list(q, sort, page, size);
    }

    @GetMapping("/{id}")
    ResponseEntity<ProductLineView> get(@PathVariable long id) {
        ProductLineView view = lines.get(id);
        return Versions.ok(view);
    }

    @PostMapping
    ResponseEntity<ProductLineView> create(@Valid @RequestBody ProductLineForm form) {
        ProductLineView view = lines.create(form);
        return Versions.created("/api/v1/product-lines/" + view.id(), view);
    }

    @PutMapping("/{id}")
    ResponseEntity<ProductLineView> edit(@PathVariable long id, @Valid @RequestBody ProductLineForm form,
                                         @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        ProductLineView view = lines.edit(id, form, Versions.required(ifMatch, form.version()));
        return Versions.ok(view);
    }
}
