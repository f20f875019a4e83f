-- The item of a run's item loop a log record belongs to (its index in the job's list, e.g. a URL of uploadUrlsJob);
-- null for the records of the run itself. The run that takes over a cut run copies the records of the items the cut
-- run finished, so its log reads as if no node had died. Nullable, without a default: adding it rewrites no row, and
-- nodes of the previous build, which do not name it, go on writing records beside the new ones during a rolling
-- upgrade (docs/OPERATIONS.md, "Upgrading").
alter table job_log_details add column item integer;
