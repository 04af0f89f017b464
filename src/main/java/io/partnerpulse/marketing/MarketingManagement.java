package io.partnerpulse.marketing;

import static io.partnerpulse.marketing.MarketingRecords.*;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import io.partnerpulse.audit.AuditTrail;
import io.partnerpulse.currency.ExchangeRates;
import io.partnerpulse.shared.CurrentActor;
import io.partnerpulse.shared.Page;
import io.partnerpulse.shared.RecordTable;
import io.partnerpulse.shared.References;
import io.partnerpulse.shared.References.Kind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Marketing channels and the campaigns that spend on them. */
@Service
@Transactional
public class MarketingManagement {

    private final RecordTable<ChannelView> channels;
    private final RecordTable<CampaignView> campaigns;
    private final References references;
    private final AuditTrail audit;
    private final CurrentActor actor;
    private final io.partnerpulse.shared.OrganizationSettings organization;
    private final ExchangeRates exchangeRates;

    MarketingManagement(JdbcClient jdbc, References references, AuditTrail audit, CurrentActor actor,
                        io.partnerpulse.shared.OrganizationSettings organization, ExchangeRates exchangeRates) {
        this.organization = organization;
        this.exchangeRates = exchangeRates;
        this.channels = new RecordTable<>(jdbc, "channel", "select c.id, c.external_id, c.name, c.type, c.version from marketing_channel c",
                "c.id", (rs, n) -> new ChannelView(rs.getLong(1), rs.getString(2), rs.getString(3), ChannelType.valueOf(rs.getString(4)),
                        rs.getLong(5))).audited(this::audit);
        this.campaigns = new RecordTable<>(jdbc, "campaign", """
                select k.id, k.external_id, k.name, k.channel_id, k.partner_id, k.starts_on, k.ends_on, k.cost, k.currency, k.version
                from campaign k""", "k.id",
                (rs, n) -> new CampaignView(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), (Long) rs.getObject(5),
                        rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class), rs.getBigDecimal(8),
                        rs.getString(9).trim(), rs.getLong(10))).audited(this::audit);
        this.references = references;
        this.audit = audit;
        this.actor = actor;
    }

    public ChannelView createChannel(ChannelForm form) {
        return channels.create("insert into marketing_channel (external_id, name, type) values (:externalId, :name, :type) returning id",
                channel(form));
    }

    public ChannelView editChannel(long id, ChannelForm form, long version) {
        return channels.edit(id, version, """
                update marketing_channel set external_id = :externalId, name = :name, type = :type, version = version + 1
                where id = :id and version = :version""", channel(form));
    }

    @Transactional(readOnly = true)
    public ChannelView channel(long id) {
        return channels.get(id);
    }

    @Transactional(readOnly = true)
    public Page<ChannelView> channels(ChannelType type, String q, String sort, int page, int size) {
        return channels.list(query -> query.where("c.type = :type", "type", type == null ? null : type.name()).search("c.name", q),
                sort, Map.of("name", "c.name", "type", "c.type"), "c.name", page, size);
    }

    public CampaignView createCampaign(CampaignForm form) {
        check(form);
        return campaigns.create("""
                insert into campaign (external_id, name, channel_id, partner_id, starts_on, ends_on, cost, currency)
                values (:externalId, :name, :channel, :partner, :starts, :ends, :cost, :currency) returning id""", campaign(form));
    }

    public CampaignView editCampaign(long id, CampaignForm form, long version) {
        check(form);
        return campaigns.edit(id, version, """
                update campaign set external_id = :externalId, name = :name, channel_id = :channel, partner_id = :partner,
                       starts_on = :starts, ends_on = :ends, cost = :cost, currency = :currency, version = version + 1
                where id = :id and version = :version""", campaign(form));
    }

    /** Adds spend to a campaign's cost; the KPIs spread the cost over the campaign's days. */
    public CampaignView recordSpend(long id, Spend spend, long version) {
        CampaignView before = campaigns.get(id);
        CampaignView after = campaigns.update(id, version, """
                update campaign set cost = cost + :amount, version = version + 1 where id = :id and version = :version""",
                Map.of("amount", spend.amount()));
        audit.record(actor.name(), "campaign.spend-recorded", "campaign", id, before,
                Map.of("campaign", after, "spend", spend.amount(), "note", spend.note() == null ? "" : spend.note()));
        return after;
    }

    @Transactional(readOnly = true)
    public CampaignView campaign(long id) {
        return campaigns.get(id);
    }

    @Transactional(readOnly = true)
    /** Sorted by cost, by the cost in the base currency at today's rates ({@link ExchangeRates#today}). */
    public Page<CampaignView> campaigns(Long channelId, Long partnerId, LocalDate activeOn, String q, String sort, int page, int size) {
        ExchangeRates.Worth worth = ExchangeRates.Worth.sorted(sort, "cost") ? exchangeRates.today() : null;
        return campaigns.list(query -> (worth == null ? query : worth.bind(query)).where("k.channel_id = :channel", "channel", channelId)
                        .where("k.partner_id = :partner", "partner", partnerId)
                        .where("k.starts_on <= :day and k.ends_on >= :day", "day", activeOn).search("k.name", q),
                sort, Map.of("name", "k.name", "startsOn", "k.starts_on", "cost", worth == null ? "k.cost" : worth.of("k.cost", "k.currency")),
                "k.starts_on desc", page, size);
    }

    private void check(CampaignForm form) {
        references.check().exists("channelId", Kind.CHANNEL, form.channelId()).exists("partnerId", Kind.PARTNER, form.partnerId())
                .rule(!form.endsOn().isBefore(form.startsOn()), "endsOn", "must not be before startsOn", "problem.campaign.ends-before")
                .currency("currency", form.currency(), organization.currency())
                .orThrow();
    }

    private static Map<String, Object> channel(ChannelForm form) {
        Map<String, Object> p = new HashMap<>();
        p.put("externalId", form.externalId());
        p.put("name", form.name().trim());
        p.put("type", form.type().name());
        return p;
    }

    private static Map<String, Object> campaign(CampaignForm form) {
        Map<String, Object> p = new HashMap<>();
        p.put("externalId", form.externalId());
        p.put("name", form.name().trim());
        p.put("channel", form.channelId());
        p.put("partner", form.partnerId());
        p.put("starts", form.startsOn());
        p.put("ends", form.endsOn());
        p.put("cost", form.cost());
        p.put("currency", form.currency());
        return p;
    }

    private void audit(String action, String entity, long id, Object before, Object after) {
        audit.record(actor.name(), action, entity, id, before, after);
    }
}
