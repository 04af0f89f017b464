package io.partnerpulse.account.web;

import static io.partnerpulse.account.AccountRecords.*;

import io.partnerpulse.account.AccountManagement;
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
@RequestMapping("/api/v1/accounts")
@Tag(name = "Customer accounts")
class AccountApi {

    private final AccountManagement accounts;

    AccountApi(AccountManagement accounts) {
        this.accounts = accounts;
    }

    @GetMapping
    Page<AccountView> list(@RequestParam(required = false) String sector, @RequestParam(required = false) String country,
                           @RequestParam(required = false) String q, @RequestParam(required = false) String sort,
                           @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return accounts.list(sector, country, q, sort, page, size);
    }

    @GetMapping("/{id}")
    ResponseEntity<AccountView> get(@PathVariable long id) {
        AccountView view = accounts.get(id);
        return Versions.ok(view);
    }

    @PostMapping
    ResponseEntity<AccountView> create(@Valid @RequestBody AccountForm form) {
        AccountView view = accounts.create(form);
        return Versions.created("/api/v1/accounts/" + view.id(), view);
    }

    @PutMapping("/{id}")
    ResponseEntity<AccountView> edit(@PathVariable long id, @Valid @RequestBody AccountForm form,
                                     @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        AccountView view = accounts.edit(id, form, Versions.required(ifMatch, form.version()));
        return Versions.ok(view);
    }
}
