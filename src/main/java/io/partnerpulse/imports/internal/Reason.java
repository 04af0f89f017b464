package io.partnerpulse.imports.internal;

import java.util.Arrays;
import java.util.List;

import io.partnerpulse.imports.ImportReport.RowProblem;

/**
 * Why a row is rejected. Each reason's text is the message {@code imports.reason.<code>} of the
 * application's bundles, its arguments the row's values: the report's {@code reason} is the English
 * text (the API, the command line), and the report page shows the reader's language from the code
 * and the arguments the report keeps beside it.
 */
enum Reason {
    ROW_CELLS("row.cells"),
    VALUE_NUL("value.nul"),
    VALUE_REQUIRED("value.required"),
    VALUE_TOO_LONG("value.tooLong"),
    VALUE_CHOICE("value.choice"),
    VALUE_COUNTRY("value.country"),
    VALUE_TOO_LARGE("value.tooLarge"),
    VALUE_NOT_NUMBER("value.notNumber"),
    VALUE_NOT_NUMBER_COMMA("value.notNumberComma"),
    VALUE_NOT_WHOLE("value.notWhole"),
    VALUE_NOT_DATE("value.notDate"),
    VALUE_NOT_ISO_DATE("value.notIsoDate"),
    VALUE_HOUR("value.hour"),
    VALUE_NO_SUCH_TIME("value.noSuchTime"),
    VALUE_DATE_RANGE("value.dateRange"),
    VALUE_NOT_CALENDAR_DAY("value.notCalendarDay"),
    NEGATIVE("negative"),
    CURRENCY("currency"),
    COMMISSION_RATE("commissionRate"),
    YEAR_ESTABLISHED("yearEstablished"),
    EMAIL("email"),
    CAMPAIGN_ENDS_BEFORE_START("campaign.endsBeforeStart"),
    WON_NEEDS_CLOSE_DAY("deal.wonNeedsCloseDay"),
    LOST_NEEDS_CLOSE_DAY("deal.lostNeedsCloseDay"),
    CLOSES_BEFORE_OPENED("deal.closesBeforeOpened"),
    REPEATED_EXTERNAL_ID("repeated.externalId"),
    REPEATED_EMAIL("repeated.email"),
    REPEATED_NAME("repeated.name"),
    REPEATED_LEAD("repeated.lead"),
    EMAIL_OF_ANOTHER("employee.emailOfAnother"),
    OWN_MANAGER("employee.ownManager"),
    CHANNEL_NAME_TAKEN("channel.nameTaken"),
    CHANNEL_NAME_TAKEN_BY("channel.nameTakenBy"),
    OWN_PARENT("account.ownParent"),
    OWN_DISTRIBUTOR("partner.ownDistributor"),
    DISTRIBUTOR_BUYS_THROUGH("partner.distributorBuysThrough"),
    NOT_A_DISTRIBUTOR("partner.notADistributor"),
    HAS_RESELLERS("partner.hasResellers"),
    NO_EXCHANGE_RATE("currency.noRate"),
    LEAD_TAKEN("lead.taken"),
    NO_DEPARTMENT("department.missing"),
    NO_DEPARTMENT_IN_UNIT("department.missingInUnit"),
    NO_EMPLOYEE("missing.employee"),
    NO_EMPLOYEE_CREATE("missing.employee.create"),
    NO_BUSINESS_UNIT("missing.business_unit"),
    NO_BUSINESS_UNIT_CREATE("missing.business_unit.create"),
    NO_ACCOUNT("missing.customer_account"),
    NO_ACCOUNT_CREATE("missing.customer_account.create"),
    NO_CHANNEL("missing.marketing_channel"),
    NO_CHANNEL_CREATE("missing.marketing_channel.create"),
    NO_PRODUCT_LINE("missing.product_line"),
    NO_PRODUCT_LINE_CREATE("missing.product_line.create"),
    NO_PARTNER("missing.partner"),
    NO_CAMPAIGN("missing.campaign"),
    NO_LEAD("missing.lead");

    private final String code;

    Reason(String code) {
        this.code = code;
    }

    String code() {
        return code;
    }

    /** The key of its text in the bundles. */
    String key() {
        return "imports.reason." + code;
    }

    String english(String... args) {
        return text(key(), args);
    }

    /** The English text of any message of the bundles (reasons, remarks, records created). */
    static String text(String key, String... args) {
        return io.partnerpulse.shared.EnglishMessages.format(key, (Object[]) args);
    }

    /** A remark or a line of records created: {@code imports.<code>} with {@code args}. */
    record Note(String code, List<String> args) {
        static Note of(String code, String... args) {
            return new Note(code, List.of(args));
        }

        String english() {
            return Reason.text("imports." + code, args.toArray(String[]::new));
        }
    }

    RowProblem problem(long line, String column, String value, String... args) {
        return new RowProblem(line, column, value, english(args), code, List.of(args));
    }

    /** That the file names a record of {@code table} that does not exist; with the hint to let the import create it. */
    static Reason missing(String table, boolean hintCreating) {
        String wanted = "missing." + table + (hintCreating ? ".create" : "");
        return Arrays.stream(values()).filter(r -> r.code.equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no reason for a missing " + table));
    }

    static Reason byCode(String code) {
        return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no reason " + code));
    }
}
