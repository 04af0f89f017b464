-- The public partner directory: how a partner presents itself to customers looking for a reseller
-- near them (its website and a few words), and whether the vendor lists it. Only active partners that
-- the channel team has listed are shown, on a page anyone may open without signing in.
create table partner_listing (
    partner_id bigint      primary key references partner (id),
    listed     boolean     not null default false,
    website    text        check (website is null or (length(website) <= 300 and website ~ '^https?://[^\s<>"]+$')),
    summary    text        check (summary is null or length(summary) <= 1000),
    updated_by text        not null,
    updated_at timestamptz not null default now(),
    version    bigint      not null default 0
);
create index partner_listing_listed on partner_listing (partner_id) where listed;
