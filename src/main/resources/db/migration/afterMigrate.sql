-- Runs after every migration (a Flyway callback): the role the application runs as may read and
-- write rows, but not create, alter, drop or truncate anything; only the migrations (run by the
-- owner) change the schema. Skipped when the app and the migrations use the same role.
do $$
declare
    app text := '${appRole}';
begin
    if app <> '' and app <> current_user and exists (select 1 from pg_roles where rolname = app) then
        execute format('grant usage on schema public to %I', app);
        execute format('grant select, insert, update, delete on all tables in schema public to %I', app);
        execute format('revoke insert, update, delete on flyway_schema_history from %I', app);
        -- the definitions bulk_load_end builds again as the owner: written only by bulk_load_begin
        execute format('revoke insert, update, delete on bulk_load_index from %I', app);
        execute format('grant usage, select, update on all sequences in schema public to %I', app);
        execute format('grant execute on all functions in schema public to %I', app);
        if exists (select 1 from pg_roles where rolname = 'pg_maintain') then
            execute format('grant pg_maintain to %I', app);
        end if;
        -- CSV imports may switch off per-row trigger checks for their own transaction and check the
        -- references set-based instead (PostgreSQL 15+, and only when the migrations run as a superuser).
        if current_setting('server_version_num')::int >= 150000
           and (select rolsuper from pg_roles where rolname = current_user) then
            execute format('grant set on parameter session_replication_role to %I', app);
        end if;
    end if;
end;
$$;

-- The countries change only through migrations: their statistics are taken here, by the owner. On a
-- new database they had none until autovacuum came by, and PostgreSQL guessed 630 rows for the 82;
-- an import joining a million deals to their countries then sorted them all for a merge join (1.6 s).
analyze country;
