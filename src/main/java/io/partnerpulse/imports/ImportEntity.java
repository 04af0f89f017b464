package io.partnerpulse.imports;

import static io.partnerpulse.imports.ImportField.Type.COUNTRY;
import static io.partnerpulse.imports.ImportField.Type.DATE;
import static io.partnerpulse.imports.ImportField.Type.DECIMAL;
import static io.partnerpulse.imports.ImportField.Type.INTEGER;
import static io.partnerpulse.imports.ImportField.Type.REFERENCE;
import static io.partnerpulse.imports.ImportField.Type.TEXT;
import static io.partnerpulse.imports.ImportField.choice;
import static io.partnerpulse.imports.ImportField.of;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What can be imported, and the fields of each. Every entity has an external id, the key that makes
 * a re-import update instead of duplicate; where the file has no id column, the name is the key.
 */
public enum ImportEntity {

    PARTNERS("partners", "name", List.of(
            of("externalId", TEXT, false, "Id in the source system; defaults to the name", "partnerid", "externalid", "id"),
            of("name", TEXT, true, "Partner name", "partner", "partnername", "name", "company", "reseller"),
            choice("tier", false, "Tier (default REGISTERED)", List.of("PLATINUM", "GOLD", "SILVER", "REGISTERED"), "tier", "level", "partnertier"),
            choice("status", false, "Status (default ACTIVE)", List.of("PROSPECT", "ONBOARDING", "ACTIVE", "INACTIVE", "TERMINATED"), "status", "partnerstatus"),
            of("country", COUNTRY, true, "Country: ISO code or English name", "country", "countrycode", "location"),
            of("region", TEXT, false, "Sales region (default the country's)", "region", "territory"),
            of("city", TEXT, false, "City", "city"),
            of("commissionRate", DECIMAL, false, "Commission rate between 0 and 1, or a percentage such as 12%", "commissionrate", "commission"),
            of("joinedOn", DATE, false, "Day the partnership began (default the import day)", "joinedon", "joined", "startdate", "since"),
            of("partnerManager", REFERENCE, false, "Channel manager: an employee's external id or name", "partnermanager", "channelmanager", "manager"))),

    EMPLOYEES("employees", "fullName", List.of(
            of("externalId", TEXT, false, "Id in the source system; defaults to the name", "employeeid", "externalid", "id"),
            of("fullName", TEXT, true, "Full name", "salesagent", "fullname", "name", "employee", "agent"),
            of("email", TEXT, false, "E-mail address", "email", "emailaddress"),
            of("title", TEXT, false, "Job title", "title", "jobtitle", "role"),
            of("department", REFERENCE, true, "Department (team) by external id or name; created in the unit when missing", "department", "team", "manager"),
            of("businessUnit", REFERENCE, false, "Business unit by external id or name; needed to create a department", "businessunit", "unit", "regionaloffice", "office", "division"),
            of("manager", REFERENCE, false, "Manager: another employee's external id or name", "reportsto", "managerid"),
            of("hireDate", DATE, false, "Hire date (default the import day)", "hiredate", "hiredon", "startdate"))),

    ACCOUNTS("accounts", "name", List.of(
            of("externalId", TEXT, false, "Id in the source system; defaults to the name", "accountid", "externalid", "id"),
            of("name", TEXT, true, "Customer name", "account", "accountname", "name", "company", "customer"),
            of("sector", TEXT, false, "Sector or industry", "sector", "industry"),
            of("country", COUNTRY, false, "Country: ISO code or English name (an unknown one is left empty with a warning)", "country", "officelocation", "billingcountry", "location"),
            of("region", TEXT, false, "Region", "region"),
            of("city", TEXT, false, "City", "city"),
            of("employees", INTEGER, false, "Number of employees", "employees", "numberofemployees", "headcount"),
            of("annualRevenue", DECIMAL, false, "Annual revenue", "revenue", "annualrevenue"),
            of("yearEstablished", INTEGER, false, "Year established", "yearestablished", "founded", "established"),
            of("parentAccount", REFERENCE, false, "Parent company: an account's external id or name", "subsidiaryof", "parentaccount", "parent"))),

    CHANNELS("channels", "name", List.of(
            of("externalId", TEXT, false, "Id in the source system; defaults to the name", "channelid", "externalid", "id"),
            of("name", TEXT, true, "Channel name", "channel", "name", "source", "origin"),
            choice("type", false, "PAID, EARNED or OWNED (guessed from the name when empty)", List.of("PAID", "EARNED", "OWNED"), "type", "channeltype"))),

    CAMPAIGNS("campaigns", "name", List.of(
            of("externalId", TEXT, false, "Id in the source system; defaults to the name", "campaignid", "externalid", "id"),
            of("name", TEXT, true, "Campaign name", "campaign", "campaignname", "name"),
            of("channel", REFERENCE, true, "Marketing channel by external id or name", "channel", "source", "medium"),
            of("partner", REFERENCE, false, "Partner running it (through-partner marketing)", "partner", "partnername"),
            of("startsOn", DATE, true, "First day", "startson", "startdate", "start", "from"),
            of("endsOn", DATE, true, "Last day (inclusive)", "endson", "enddate", "end", "to"),
            of("cost", DECIMAL, false, "Spend (default 0), spread evenly over its days", "cost", "spend", "budget", "amount"),
            of("currency", TEXT, false, "Currency (default the organization's)", "currency"))),

    LEADS("leads", null, List.of(
            of("externalId", TEXT, true, "Id in the source system", "mqlid", "leadid", "externalid", "id"),
            of("createdAt", DATE, true, "Day (and time) of first contact", "firstcontactdate", "createddate", "createdat", "created", "date"),
            of("contactName", TEXT, false, "Contact person", "contactname", "contact", "fullname", "name"),
            of("companyName", TEXT, false, "Company", "companyname", "company"),
            of("email", TEXT, false, "E-mail address", "email", "emailaddress"),
            of("channel", REFERENCE, false, "Marketing channel (source, origin) by external id or name", "origin", "source", "leadsource", "channel", "utmsource"),
            of("campaign", REFERENCE, false, "Campaign by external id or name", "campaign", "utmcampaign"),
            of("partner", REFERENCE, false, "Partner it is assigned to", "partner", "partnername"),
            of("owner", REFERENCE, false, "Owning employee", "owner", "leadowner", "sdrid"),
            of("country", COUNTRY, false, "Country", "country"),
            of("region", TEXT, false, "Region", "region", "state"),
            of("city", TEXT, false, "City", "city"),
            choice("status", false, "NEW, QUALIFIED or DISQUALIFIED (default NEW; a lead becomes CONVERTED when an imported opportunity names it)",
                    List.of("NEW", "QUALIFIED", "DISQUALIFIED"), "status", "leadstatus"),
            of("disqualifiedReason", TEXT, false, "Why it was disqualified", "disqualifiedreason", "reason"))),

    OPPORTUNITIES("opportunities", null, List.of(
            of("externalId", TEXT, true, "Id in the source system", "opportunityid", "dealid", "externalid", "id", "mqlid"),
            of("name", TEXT, false, "Deal name (default: product and account, or the id)", "opportunityname", "dealname", "name"),
            choice("stage", true, "Stage", List.of("PROSPECTING", "QUALIFICATION", "PROPOSAL", "NEGOTIATION", "WON", "LOST"), "dealstage", "stage", "stagename"),
            of("amount", DECIMAL, false, "Amount; unknown counts as 0 and is reported", "closevalue", "amount", "dealvalue", "value", "declaredmonthlyrevenue"),
            of("currency", TEXT, false, "Currency (default the organization's)", "currency"),
            of("createdAt", DATE, false, "Day it was opened (default: its lead's first contact, else the import day)", "engagedate", "createddate", "createdat", "created"),
            of("closedAt", DATE, false, "Day it was won or lost (required for those; for an open deal, its expected close)", "closedate", "closedat", "wondate", "closeddate"),
            of("account", REFERENCE, false, "Customer account by external id or name", "account", "accountname", "customer", "sellerid"),
            of("partner", REFERENCE, false, "Partner by external id or name", "partner", "partnername", "reseller"),
            of("owner", REFERENCE, false, "Owning employee by external id or name", "salesagent", "owner", "ownername", "srid", "salesrep"),
            of("productLine", REFERENCE, false, "Product line by external id or name", "product", "productline", "businesssegment"),
            of("channel", REFERENCE, false, "Marketing channel (default its lead's)", "channel", "source", "origin"),
            of("campaign", REFERENCE, false, "Campaign by external id or name", "campaign"),
            of("lead", REFERENCE, false, "The lead it came from, by the lead's external id", "lead", "leadid"),
            of("country", COUNTRY, false, "Country (default its lead's)", "country"),
            of("region", TEXT, false, "Region", "region"),
            of("city", TEXT, false, "City", "city"),
            of("lostReason", TEXT, false, "Why it was lost", "lostreason", "reason"),
            of("competitor", TEXT, false, "Competitor it was lost to", "competitor")));

    private final String path;
    private final String nameField;
    private final List<ImportField> fields;

    ImportEntity(String path, String nameField, List<ImportField> fields) {
        this.path = path;
        this.nameField = nameField;
        this.fields = fields;
    }

    /** Its name in URLs and on the command line, e.g. {@code opportunities}. */
    public String path() {
        return path;
    }

    public List<ImportField> fields() {
        return fields;
    }

    /** The field that stands in for the external id when no column is mapped to it, if any. */
    public Optional<String> nameField() {
        return Optional.ofNullable(nameField);
    }

    public Optional<ImportField> field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    public static Optional<ImportEntity> fromPath(String path) {
        return Arrays.stream(values()).filter(e -> e.path.equalsIgnoreCase(path == null ? "" : path.trim()))
                .findFirst();
    }

    public static List<String> paths() {
        return Arrays.stream(values()).map(ImportEntity::path).toList();
    }
}
