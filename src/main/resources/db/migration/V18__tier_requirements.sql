-- What a partner must achieve to hold each tier: won revenue (in the organization's currency) and
-- won deals over the last so many months. Staff change them; the tier standings and the plan
-- compare every active partner with its own tier's requirements and those of the tiers above.
alter table partner_tier
    add column min_won_revenue    numeric(18, 2) not null default 0 check (min_won_revenue >= 0),
    add column min_won_deals      int            not null default 0 check (min_won_deals >= 0),
    add column requirement_months int            not null default 12 check (requirement_months between 1 and 36),
    add column version            int            not null default 0;

update partner_tier set min_won_revenue = 800000, min_won_deals = 25 where code = 'PLATINUM';
update partner_tier set min_won_revenue = 300000, min_won_deals = 12 where code = 'GOLD';
update partner_tier set min_won_revenue = 100000, min_won_deals = 5 where code = 'SILVER';
