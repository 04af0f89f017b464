-- Indexes no query uses: the KPIs are computed from the in-memory read model, and no list filters
-- opportunities by channel, campaign, product line or location, nor stage changes by time alone.
-- Every index costs on each write; a million-row import maintains them a million times.
drop index if exists opportunity_channel_idx;
drop index if exists opportunity_campaign_idx;
drop index if exists opportunity_product_line_idx;
drop index if exists opportunity_location_idx;
drop index if exists stage_change_changed_idx;
