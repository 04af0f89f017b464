-- V31's bulk_load_skip_capture set aside every trigger of the table that keeps a transition table.
-- A trigger enabled ALWAYS (or REPLICA) fires while an import has triggers off, so it needs its rows;
-- and one made again by bulk_load_end comes back enabled the usual way (pg_get_triggerdef does not
-- say how it was enabled). Only the triggers enabled the usual way (tgenabled 'O') are set aside now.
-- The application's own (V9's KPI triggers) are all such; nothing changes for them.
create or replace function bulk_load_skip_capture(target regclass) returns integer
    language plpgsql security definer set search_path = public, pg_temp as $$
declare
    trigger record;
    dropped integer := 0;
begin
    if target not in ('opportunity'::regclass, 'stage_change'::regclass, 'lead'::regclass, 'lead_assignment'::regclass,
                      'customer_account'::regclass, 'partner'::regclass, 'employee'::regclass, 'marketing_channel'::regclass,
                      'campaign'::regclass) then
        raise exception 'bulk loads are not made into %', target;
    end if;
    if current_setting('session_replication_role') <> 'replica' then
        raise exception 'the triggers of % keep the KPIs current: they are set aside only while triggers are off', target;
    end if;
    if not exists (select 1 from pg_locks l
                   where l.locktype = 'relation' and l.database = (select oid from pg_database where datname = current_database())
                     and l.relation = target and l.pid = pg_backend_pid() and l.mode = 'AccessExclusiveLock' and l.granted) then
        raise exception 'a bulk load into % holds the table''s exclusive lock first (bulk_load_begin)', target;
    end if;
    for trigger in select t.tgname as name, pg_get_triggerdef(t.oid) as definition
                   from pg_trigger t
                   where t.tgrelid = target and not t.tgisinternal and t.tgenabled = 'O'
                     and (t.tgnewtable is not null or t.tgoldtable is not null)
                   order by 1 loop
        insert into bulk_load_index (index_name, table_name, definition)
            values ('trigger ' || trigger.name || ' on ' || target::text, target::text, trigger.definition);
        execute format('drop trigger %I on %s', trigger.name, target);
        dropped := dropped + 1;
    end loop;
    return dropped;
end;
$$;

revoke execute on function bulk_load_skip_capture(regclass) from public;
