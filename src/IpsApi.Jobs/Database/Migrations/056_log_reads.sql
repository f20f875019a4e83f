-- Reads that must stay as fast with years of history as on the first day (bench/RESULTS.md, "growth").
-- getJobLogs of an IpsAdmin without companyHandle, or of a user of several companies: the newest runs of all (or
-- some) companies, read off this index in order instead of sorting every run.
create index job_runs_started on job_runs (started_at, id);
-- The dashboard's messages not delivered: a handful among every message of the last days.
create index outbox_undelivered on outbox (id) where delivered_at is null;
