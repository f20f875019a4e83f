-- Retention: a cleaner removes what has served its time (docs/OPERATIONS.md, "Retention"). It finds each kind of row by the
-- instant it became removable, so each of those instants has an index. The one of run ends also serves the
-- dashboard's runs of the last day, counted per hour from the index alone (it carries state and company).
create index job_runs_ended on job_runs (ended_at) include (state, company_id) where ended_at is not null;
create index jobs_released on jobs (released_at) where released_at is not null;
create index outbox_delivered on outbox (delivered_at) where delivered_at is not null;
create index outbox_given_up on outbox (failed_at) where failed_at is not null;

-- What the cleaner did, for `admin doctor` and for the nodes deciding whether a pass is due: one row per kind of
-- row, and one named 'pass' for the pass as a whole.
create table retention_state (
    kind         text primary key,
    node         text not null,                 -- the node that ran the last pass
    started_at   timestamptz not null,
    ended_at     timestamptz,                   -- null while a pass is under way (or was cut short)
    removed      bigint not null default 0,     -- rows (and their files) the last pass removed
    caught_up    boolean not null default false -- the last pass removed everything due, rather than stopping at its time limit
);
