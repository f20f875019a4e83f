-- pauseJob: the job stays paused until resumeJob, even while it has no trigger (a one-shot job whose run was
-- paused in the middle waits here for its resume).
alter table jobs add column paused boolean not null default false;
