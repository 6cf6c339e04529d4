-- An operator can abandon a failed load (jobs/etl abandon <execution-id>) so that it is never restarted.
alter table etl.load drop constraint ck_load_status;
alter table etl.load add constraint ck_load_status check (status in ('STARTED', 'COMPLETED', 'FAILED', 'REFUSED', 'ABANDONED'));
