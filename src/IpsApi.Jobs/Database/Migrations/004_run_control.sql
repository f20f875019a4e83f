-- stopJob and pauseJob may land on any node: the request is written here and the node running the run
-- picks it up (RunControlWatcher), so it does not depend on which process the client reached.
alter table job_runs add column control_request text;        -- 'Stop' or 'Pause' while pending
create index job_runs_control on job_runs (server_name) where control_request is not null and ended_at is null;

-- Where a paused run stopped; the run that resumes the job starts from there.
alter table jobs add column checkpoint text;
-- Set by deleteJob: the job is gone for clients, its runs and logs stay.
alter table jobs add column deleted_at timestamptz;
