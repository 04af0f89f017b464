package io.partnerpulse.commission.web;

import java.time.LocalDate;

import io.partnerpulse.commission.CommissionStatements;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Commissions", description = "Commission accrued on won partner deals at the partner's rate")
class CommissionApi {

    private final CommissionStatements statements;

    CommissionApi(CommissionStatements statements) {
        this.statements = statements;
    }

    @GetMapping("/api/v1/partners/{partnerId}/commission-statement")
    @Operation(summary = "A partner's commission statement for [from, to)")
    CommissionStatements.Statement statement(@PathVariable long partnerId, @RequestParam LocalDate from, @RequestParam LocalDate to) {
        return statements.statement(partnerId, from, to);
    }
}
