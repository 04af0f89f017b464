-- The KPI read model applies small changes to the big tables row by row instead of reloading them
-- (which takes seconds at a million deals). A committed transaction that inserts or updates up to
-- 200 rows of opportunity, stage_change, lead or deal_registration notifies 'table:id,id,…' (a
-- stage change names its deal: 'opportunity:42'); more rows than that, a delete or a truncate
-- notify the bare table name as before, and the read model reloads it whole. Imports that switch
-- triggers off send the bare name themselves.
create function notify_kpi_rows() returns trigger language plpgsql as $$
declare
    target text := tg_argv[0];
    ids text;
begin
    if (select count(*) from (select 1 from changed_rows limit 201) r) > 200 then
        perform pg_notify('partnerpulse_kpi', target);
        return null;
    end if;
    if tg_table_name = 'stage_change' then
        select string_agg(distinct opportunity_id::text, ',') into ids from changed_rows;
    else
        select string_agg(distinct id::text, ',') into ids from changed_rows;
    end if;
    if ids is not null then
        perform pg_notify('partnerpulse_kpi', target || ':' || ids);
    end if;
    return null;
end;
$$;

do $$
declare
    source text;
    target text;
begin
    foreach source in array array['opportunity', 'stage_change', 'lead', 'deal_registration']
    loop
        target := case source when 'stage_change' then 'opportunity' else source end;
        execute format('drop trigger %I on %I', source || '_kpi_change', source);
        execute format('create trigger %I after insert on %I referencing new table as changed_rows '
                       'for each statement execute function notify_kpi_rows(%L)', source || '_kpi_insert', source, target);
        execute format('create trigger %I after update on %I referencing new table as changed_rows '
                       'for each statement execute function notify_kpi_rows(%L)', source || '_kpi_update', source, target);
        execute format('create trigger %I after delete or truncate on %I '
                       'for each statement execute function notify_kpi_change()', source || '_kpi_change', source);
    end loop;
end;
$$;
