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
 * What each field means is said in {@code messages.properties} (and its Urdu twin) under
 * {@link #descriptionKey}: the API and the command line give the English text, the mapping page its
 * reader's language.
 */
public enum ImportEntity {

    PARTNERS("partners", "name", List.of(
            of("externalId", TEXT, false, "partnerid", "externalid", "id"),
            of("name", TEXT, true, "partner", "partnername", "name", "company", "reseller"),
            choice("tier", false, List.of("PLATINUM", "GOLD", "SILVER", "REGISTERED"), "tier", "level", "partnertier"),
            choice("status", false, List.of("PROSPECT", "ONBOARDING", "ACTIVE", "INACTIVE", "TERMINATED"), "status", "partnerstatus"),
            of("country", COUNTRY, true, "country", "countrycode", "location"),
            of("region", TEXT, false, "region", "territory"),
            of("city", TEXT, false, "city"),
            of("commissionRate", DECIMAL, false, "commissionrate", "commission"),
            of("joinedOn", DATE, false, "joinedon", "joined", "startdate", "since"),
            of("partnerManager", REFERENCE, false, "partnermanager", "channelmanager", "manager"),
            // two-tier distribution; a "partner type" column of other exports (VAR, MSP, referral) is not guessed to be this one
            choice("partnerType", false, List.of("DISTRIBUTOR", "RESELLER"), "distributionrole", "distributiontier"),
            of("distributor", REFERENCE, false, "distributor", "buysthrough", "distributorname", "distributorid"))),

    EMPLOYEES("employees", "fullName", List.of(
            of("externalId", TEXT, false, "employeeid", "externalid", "id"),
            of("fullName", TEXT, true, "salesagent", "fullname", "name", "employee", "agent"),
            of("email", TEXT, false, "email", "emailaddress"),
            of("title", TEXT, false, "title", "jobtitle", "role"),
            of("department", REFERENCE, true, "department", "team", "manager"),
            of("businessUnit", REFERENCE, false, "businessunit", "unit", "regionaloffice", "office", "division"),
            of("manager", REFERENCE, false, "reportsto", "managerid"),
            of("hireDate", DATE, false, "hiredate", "hiredon", "startdate"))),

    ACCOUNTS("accounts", "name", List.of(
            of("externalId", TEXT, false, "accountid", "externalid", "id", "recordid"),
            of("name", TEXT, true, "account", "accountname", "name", "company", "customer", "companyname"),
            of("sector", TEXT, false, "sector", "industry"),
            of("country", COUNTRY, false, "country", "officelocation", "billingcountry", "location", "countryregion"),
            of("region", TEXT, false, "region", "billingstateprovince", "stateregion", "stateprovince", "state"),
            of("city", TEXT, false, "city", "billingcity"),
            of("employees", INTEGER, false, "employees", "numberofemployees", "headcount"),
            of("annualRevenue", DECIMAL, false, "revenue", "annualrevenue"),
            of("yearEstablished", INTEGER, false, "yearestablished", "founded", "established"),
            of("parentAccount", REFERENCE, false, "subsidiaryof", "parentaccount", "parent", "parentcompany"))),

    CHANNELS("channels", "name", List.of(
            of("externalId", TEXT, false, "channelid", "externalid", "id"),
            of("name", TEXT, true, "channel", "name", "source", "origin"),
            choice("type", false, List.of("PAID", "EARNED", "OWNED"), "type", "channeltype"))),

    CAMPAIGNS("campaigns", "name", List.of(
            of("externalId", TEXT, false, "campaignid", "externalid", "id"),
            of("name", TEXT, true, "campaign", "campaignname", "name"),
            of("channel", REFERENCE, true, "channel", "source", "medium"),
            of("partner", REFERENCE, false, "partner", "partnername"),
            of("startsOn", DATE, true, "startson", "startdate", "start", "from"),
            of("endsOn", DATE, true, "endson", "enddate", "end", "to"),
            of("cost", DECIMAL, false, "cost", "spend", "budget", "amount"),
            of("currency", TEXT, false, "currency"))),

    LEADS("leads", null, List.of(
            of("externalId", TEXT, true, "mqlid", "leadid", "externalid", "id", "recordid"),
            of("createdAt", DATE, true, "firstcontactdate", "createddate", "createdat", "created", "createdate", "date"),
            of("contactName", TEXT, false, "contactname", "contact", "fullname", "name"),
            // HubSpot's and Salesforce's exports split the name: joined into the contact when no column holds it whole
            of("firstName", TEXT, false, "firstname", "givenname"),
            of("lastName", TEXT, false, "lastname", "surname", "familyname"),
            of("companyName", TEXT, false, "companyname", "company", "companyaccount"),
            of("email", TEXT, false, "email", "emailaddress"),
            of("channel", REFERENCE, false, "origin", "source", "leadsource", "channel", "utmsource", "originalsource",
                    "originaltrafficsource"),
            of("campaign", REFERENCE, false, "campaign", "utmcampaign"),
            of("partner", REFERENCE, false, "partner", "partnername"),
            of("owner", REFERENCE, false, "owner", "leadowner", "sdrid", "contactowner"),
            of("country", COUNTRY, false, "country", "countryregion"),
            of("region", TEXT, false, "region", "state", "stateregion", "stateprovince"),
            of("city", TEXT, false, "city"),
            choice("status", false, 
                    List.of("NEW", "QUALIFIED", "DISQUALIFIED"), "status", "leadstatus"),
            of("disqualifiedReason", TEXT, false, "disqualifiedreason", "reason"))),

    OPPORTUNITIES("opportunities", null, List.of(
            of("externalId", TEXT, true, "opportunityid", "dealid", "externalid", "id", "mqlid", "recordid"),
            of("name", TEXT, false, "opportunityname", "dealname", "name"),
            choice("stage", true, List.of("PROSPECTING", "QUALIFICATION", "PROPOSAL", "NEGOTIATION", "WON", "LOST"), "dealstage", "stage", "stagename"),
            of("amount", DECIMAL, false, "closevalue", "amount", "dealvalue", "value", "declaredmonthlyrevenue"),
            of("currency", TEXT, false, "currency", "opportunitycurrency", "dealcurrencycode", "currencycode"),
            of("createdAt", DATE, false, "engagedate", "createddate", "createdat", "created", "createdate"),
            of("closedAt", DATE, false, "closedate", "closedat", "wondate", "closeddate"),
            of("account", REFERENCE, false, "account", "accountname", "customer", "sellerid", "associatedcompany"),
            of("partner", REFERENCE, false, "partner", "partnername", "reseller", "partneraccount"),
            of("owner", REFERENCE, false, "salesagent", "owner", "ownername", "srid", "salesrep", "opportunityowner", "dealowner"),
            of("productLine", REFERENCE, false, "product", "productline", "businesssegment"),
            of("channel", REFERENCE, false, "channel", "source", "origin", "leadsource", "originalsource", "originaltrafficsource"),
            of("campaign", REFERENCE, false, "campaign", "primarycampaignsource"),
            of("lead", REFERENCE, false, "lead", "leadid"),
            of("country", COUNTRY, false, "country"),
            of("region", TEXT, false, "region"),
            of("city", TEXT, false, "city"),
            of("lostReason", TEXT, false, "lostreason", "reason", "lossreason", "closedlostreason"),
            of("competitor", TEXT, false, "competitor")));

    private final String path;
    private final String nameField;
    private final List<ImportField> fields;

    ImportEntity(String path, String nameField, List<ImportField> fields) {
        this.path = path;
        this.nameField = nameField;
        this.fields = fields.stream().map(f -> f.described(io.partnerpulse.shared.EnglishMessages.text(descriptionKey(path, f.name())))).toList();
    }

    /** The message that describes a field, beside it on the mapping page: {@code imports.field.<entity>.<field>}. */
    public static String descriptionKey(String path, String field) {
        return "imports.field." + path + "." + field;
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
