-- How each person arranged their dashboard: which KPI cards and charts it shows and in what order,
-- and whether it shows their follow-ups due and the plan's recommendations. No row: everything, in
-- the standard order.
create table dashboard_layout (
    user_id    bigint      primary key references app_user (id) on delete cascade,
    cards      text[]      not null,
    charts     text[]      not null,
    follow_ups boolean     not null,
    plan       boolean     not null,
    updated_at timestamptz not null default now()
);
