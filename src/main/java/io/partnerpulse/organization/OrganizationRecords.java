package io.partnerpulse.organization;

import java.time.LocalDate;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** Views and forms of the organization's records: business units, departments, employees. */
public final class OrganizationRecords {

    private OrganizationRecords() {
    }

    public record UnitView(long id, String externalId, String name, long version) implements io.partnerpulse.shared.Versioned {
    }

    public record UnitForm(@Size(max = 100) String externalId, @NotBlank @Size(max = 200) String name, Long version) {
    }

    public record DepartmentView(long id, String externalId, String name, long businessUnitId, long version) implements io.partnerpulse.shared.Versioned {
    }

    public record DepartmentForm(@Size(max = 100) String externalId, @NotBlank @Size(max = 200) String name,
                                 @NotNull @Positive Long businessUnitId, Long version) {
    }

    public record EmployeeView(long id, String externalId, String fullName, String email, String title, long departmentId,
                               Long managerId, LocalDate hireDate, boolean active, long version) implements io.partnerpulse.shared.Versioned {
    }

    public record EmployeeForm(@Size(max = 100) String externalId, @NotBlank @Size(max = 200) String fullName,
                               @Email @Size(max = 200) String email, @Size(max = 200) String title,
                               @NotNull @Positive Long departmentId, @Positive Long managerId,
                               @NotNull @PastOrPresent LocalDate hireDate, Boolean active, Long version) {
    }
}
