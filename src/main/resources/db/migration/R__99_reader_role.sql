-- The read-only role analysts and BI tools connect as: SELECT on the public views (warehouse.v_*,
-- indicator.v_*) and nothing else, not the fact tables, not etl, staging or ref.
-- Re-applied on every migrate (run ${flyway:timestamp}) so that views added later are granted too.
-- The password comes from configuration (WAREHOUSE_READER_PASSWORD, default "reader").
do $$
declare
    v record;
    can_create boolean;
begin
    if not exists (select 1 from pg_roles where rolname = 'warehouse_reader') then
        select rolsuper or rolcreaterole into can_create from pg_roles where rolname = current_user;
        if not can_create then
            raise notice 'warehouse_reader not created: % may not create roles', current_user;
            return;
        end if;
        create role warehouse_reader login;
    end if;
    execute format('alter role warehouse_reader with login password %L', '${reader_password}');
    execute format('grant connect on database %I to warehouse_reader', current_database());
    revoke all on all tables in schema warehouse, indicator, etl, staging, ref from warehouse_reader;
    revoke all on all tables in schema public from warehouse_reader;
    grant usage on schema warehouse, indicator to warehouse_reader;
    for v in select schemaname, viewname from pg_views
             where schemaname in ('warehouse', 'indicator') and viewname like 'v\_%' loop
        execute format('grant select on %I.%I to warehouse_reader', v.schemaname, v.viewname);
    end loop;
end $$;
