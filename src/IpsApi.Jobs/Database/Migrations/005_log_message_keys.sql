-- Job log messages are read in the reader's language: each record keeps the catalog key of its message and the
-- arguments that fill it (LogText), next to the English text. Records without a key (free text, or written
-- before this migration) are shown as stored.
alter table job_log_details add column message_key text;
alter table job_log_details add column message_args jsonb;     -- [text | {key, args, text}, ...]

-- getJobLogs of one submitter (userHandle).
create index jobs_submit_user on jobs (submit_user_id);
