-- Files a run puts into the store before the rows that will own them commit. The commit that saves those rows
-- removes their intents; a run cut short (kill -9, power loss) leaves its intents behind, and the run that takes
-- the job over deletes those files: a crash in between leaves no file that nothing refers to.
create table file_intents (
    storage_key text primary key,
    run_id bigint not null,
    created_at timestamptz not null default now()
);

create index file_intents_run on file_intents (run_id);
