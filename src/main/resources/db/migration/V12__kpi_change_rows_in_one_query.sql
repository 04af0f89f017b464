-- The same notices as V9 ('table:id,id,…' for up to 200 changed rows, the bare table name for more),
-- made by one query over the changed rows instead of three (count, then the ids, then the notice):
-- the trigger runs after every write of a deal and of its stage history, and its queries were a
-- seventh of PostgreSQL's time in the benchmark's writes (stop 17, measured with perf).
create or replace function notify_kpi_rows() returns trigger language plpgsql as $$
begin
    if tg_table_name = 'stage_change' then
        perform pg_notify('partnerpulse_kpi', case when count(*) > 200 then tg_argv[0]
                                                   else tg_argv[0] || ':' || string_agg(distinct id::text, ',') end)
        from (select opportunity_id as id from changed_rows limit 201) r
        having count(*) > 0;
    else
        perform pg_notify('partnerpulse_kpi', case when count(*) > 200 then tg_argv[0]
                                                   else tg_argv[0] || ':' || string_agg(distinct id::text, ',') end)
        from (select id from changed_rows limit 201) r
        having count(*) > 0;
    end if;
    return null;
end;
$$;
