-- The Quartz job that queues a cron job's fire moved with the engine, from IpsApi.Jobs.Scheduling to
-- IpsApi.Jobs.Engine.Cron. Quartz stores the job class by name with every cron job, so the cron jobs stored before
-- name one that no longer exists, and Quartz could not fire them. Quartz's tables exist once a node has started;
-- on a new database there is nothing to rename.
do $$
begin
    if to_regclass('qrtz_job_details') is not null then
        update qrtz_job_details
        set job_class_name = 'IpsApi.Jobs.Engine.Cron.ScheduledFiring, IpsApi.Jobs'
        where job_class_name = 'IpsApi.Jobs.Scheduling.ScheduledFiring, IpsApi.Jobs';
    end if;
end
$$;
