-- A scheduled report may be a distributor's channel scorecard (two-tier distribution, V29).
alter table report_subscription drop constraint report_subscription_scope_check;
alter table report_subscription add constraint report_subscription_scope_check
    check (scope in ('program', 'partner', 'distributor', 'employee', 'department', 'unit'));
