-- The KPI read model learns which deals and leads changed from statement triggers with a transition
-- table (V9: REFERENCING NEW TABLE AS changed_rows). PostgreSQL keeps a copy of every row a
-- statement writes for such a trigger even when the trigger will not fire: while an import has
-- switched triggers off (session_replication_role = replica, EntitySql.startBulk), and even for a
-- disabled trigger. A bulk load then copied its million deals and million and a half history rows a
-- second time, into a tuplestore that spills to disk, for nothing (measured here: binary COPY of a
-- million deal-shaped rows 1.04-1.11 s without such a trigger, 1.25-1.30 s with it, enabled or not).
-- An import tells the KPI read model itself at the end (EntitySql.endBulk).
--
--   bulk_load_skip_capture(table): while the caller's triggers are off and it holds the table's
--     exclusive lock (bulk_load_begin), drops the table's triggers that keep a transition table,
--     keeping their definitions in bulk_load_index beside the dropped indexes: bulk_load_end makes
--     them again, and a transaction that does not cannot commit (bulk_load_index_restored).
create function bulk_load_skip_capture(target regclass) returns integer
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
                   where t.tgrelid = target and not t.tgisinternal and (t.tgnewtable is not null or t.tgoldtable is not null)
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

create or replace function bulk_load_index_restored() returns trigger language plpgsql as $$
begin
    if exists (select 1 from bulk_load_index where index_name = new.index_name) then
        raise exception '% of % was set aside for a bulk load and not made again', new.index_name, new.table_name;
    end if;
    return null;
end;
$$;
