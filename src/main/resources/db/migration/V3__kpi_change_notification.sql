-- The KPI read model in every app instance listens on this channel and refreshes itself when a
-- transaction that changed its source tables commits. NOTIFY is transactional: a rolled-back
-- change notifies no one, and each committed transaction notifies once per table it touched.
create function notify_kpi_change() returns trigger language plpgsql as $$
begin
    perform pg_notify('partnerpulse_kpi', tg_table_name);
    return null;
end;
$$;

do $$
declare
    source text;
begin
    foreach source in array array['business_unit', 'department', 'employee', 'partner', 'partner_status_change',
                                  'partner_tier_change', 'customer_account', 'product_line', 'marketing_channel',
                                  'campaign', 'lead', 'opportunity', 'stage_change', 'deal_registration', 'target',
                                  'exchange_rate']
    loop
        execute format('create trigger %I after insert or update or delete or truncate on %I '
                       'for each statement execute function notify_kpi_change()', source || '_kpi_change', source);
    end loop;
end;
$$;
