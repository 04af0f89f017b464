package io.partnerpulse.organization.web;

import static io.partnerpulse.organization.OrganizationRecords.*;


import io.partnerpulse.organization.OrganizationManagement;
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
@RequestMapping("/api/v1")
@Tag(name = "Organization", description = "Business units, departments and employees")
class OrganizationApi {

    private final OrganizationManagement organization;

    OrganizationApi(OrganizationManagement organization) {
        this.organization = organization;
    }

    @GetMapping("/business-units")
    Page<UnitView> units(@RequestParam(required = false) String q, @RequestParam(required = false) String sort,
                         @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return organization.units(q, sort, page, size);
    }

    @GetMapping("/business-units/{id}")
    ResponseEntity<UnitView> unit(@PathVariable long id) {
        UnitView view = organization.unit(id);
        return Versions.ok(view);
    }

    @PostMapping("/business-units")
    ResponseEntity<UnitView> createUnit(@Valid @RequestBody UnitForm form) {
        UnitView view = organization.createUnit(form);
        return Versions.created("/api/v1/business-units/" + view.id(), view);
    }

    @PutMapping("/business-units/{id}")
    ResponseEntity<UnitView> editUnit(@PathVariable long id, @Valid @RequestBody UnitForm form,
                                      @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        UnitView view = organization.editUnit(id, form, Versions.required(ifMatch, form.version()));
        return Versions.ok(view);
    }

    @GetMapping("/departments")
    Page<DepartmentView> departments(@RequestParam(required = false) Long unitId, @RequestParam(required = false) String q,
                                     @RequestParam(required = false) String sort, @RequestParam(defaultValue = "0") int page,
                                     @RequestParam(defaultValue = "50") int size) {
        return organization.departments(unitId, q, sort, page, size);
    }

    @GetMapping("/departments/{id}")
    ResponseEntity<DepartmentView> department(@PathVariable long id) {
        DepartmentView view = organization.department(id);
        return Versions.ok(view);
    }

    @PostMapping("/departments")
    ResponseEntity<DepartmentView> createDepartment(@Valid @RequestBody DepartmentForm form) {
        DepartmentView view = organization.createDepartment(form);
        return Versions.created("/api/v1/departments/" + view.id(), view);
    }

    @PutMapping("/departments/{id}")
    ResponseEntity<DepartmentView> editDepartment(@PathVariable long id, @Valid @RequestBody DepartmentForm form,
                                                  @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        DepartmentView view = organization.editDepartment(id, form, Versions.required(ifMatch, form.version()));
        return Versions.ok(view);
    }

    @GetMapping("/employees")
    Page<EmployeeView> employees(@RequestParam(required = false) Long departmentId, @RequestParam(required = false) Long managerId,
                                 @RequestParam(required = false) Boolean active, @RequestParam(required = false) String q,
                                 @RequestParam(required = false) String sort, @RequestParam(defaultValue = "0") int page,
                                 @RequestParam(defaultValue = "50") int size) {
        return organization.employees(departmentId, managerId, active, q, sort, page, size);
    }

    @GetMapping("/employees/{id}")
    ResponseEntity<EmployeeView> employee(@PathVariable long id) {
        EmployeeView view = organization.employee(id);
        return Versions.ok(view);
    }

    @PostMapping("/employees")
    ResponseEntity<EmployeeView> createEmployee(@Valid @RequestBody EmployeeForm form) {
        EmployeeView view = organization.createEmployee(form);
        return Versions.created("/api/v1/employees/" + view.id(), view);
    }

    @PutMapping("/employees/{id}")
    ResponseEntity<EmployeeView> editEmployee(@PathVariable long id, @Valid @RequestBody EmployeeForm form,
                                              @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        EmployeeView view = organization.editEmployee(id, form, Versions.required(ifMatch, form.version()));
        return Versions.ok(view);
    }
}
