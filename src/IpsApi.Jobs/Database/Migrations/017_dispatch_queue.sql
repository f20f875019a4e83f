-- The dispatch queue: a job to run (now, or at its execTime) has a row here until its run ends. Nodes claim due
-- rows with FOR UPDATE SKIP LOCKED (one statement for a batch), so a job runs on one node at a time and a submit
-- costs two inserts instead of Quartz's job+trigger statements. Quartz keeps only execSchedule (cron) jobs; when
-- such a trigger fires, it adds the job's row here.
create table job_queue (
    job_id bigint primary key references jobs (id) on delete cascade,
    -- When the run is due: the run's trigger time, and the queue's order.
    queued_at timestamptz not null,
    -- The node running it (its Quartz instance name), null while it waits. A row held by a node that stopped
    -- checking in to the Quartz cluster is handed back to waiting, marked recovering.
    node text,
    claimed_at timestamptz,
    recovering boolean not null default false,
    -- Asked to run again while it runs (executeJob, a cron fire): the row waits again when the run ends.
    again boolean not null default false,
    -- Claims so far, so each attempt has a fire instance id of its own.
    attempts integer not null default 0
);

create index job_queue_waiting on job_queue (queued_at) where node is null;
create index job_queue_held on job_queue (node) where node is not null;

-- Quartz jobs stored before this migration name the runner, which is no longer a Quartz job: they now name
-- the firing that queues the job. (Quartz creates its tables at start, so on a new database there is nothing.)
do $$
begin
    if to_regclass('qrtz_job_details') is not null then
        update qrtz_job_details set job_class_name = 'IpsApi.Jobs.Scheduling.ScheduledFiring, IpsApi.Jobs'
        where job_group = 'ips';
    end if;
end $$;
