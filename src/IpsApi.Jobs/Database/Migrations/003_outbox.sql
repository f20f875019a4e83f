-- Messages a run leaves behind for the outside world: notification emails and completion callbacks.
-- The run writes them in its own transaction; OutboxSender delivers them later and retries until done.
create table outbox (
    id               bigserial primary key,
    kind             text not null check (kind in ('email', 'callback')),
    run_id           bigint not null,               -- job_runs.id; no foreign key, so a message outlives its run
    payload          jsonb not null,                -- the composed message: email fields, or url + body
    created_at       timestamptz not null default now(),
    attempts         int not null default 0,        -- delivery attempts started (counted when a sender claims it)
    next_attempt_at  timestamptz not null default now(),
    locked_until     timestamptz,                   -- a sender's lease; when it lapses another sender may take the row
    last_error       text,                          -- why the last attempt failed; never credentials
    delivered_at     timestamptz,
    failed_at        timestamptz                    -- given up: too many attempts, too old, or refused for good
);

-- What senders scan: only the rows still waiting, in the order they are due.
create index outbox_pending on outbox (next_attempt_at, id) where delivered_at is null and failed_at is null;
create index outbox_run on outbox (run_id);
