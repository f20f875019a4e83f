-- Upload jobs of the UploadFile endpoint (docs/API.md, "UploadFile endpoint"). The first POST stores the job
-- (an uploadPostJob, run at once like any one-shot job), its row here and its files in one transaction; later
-- POSTs add files under this row's lock. A file's row is committed only after the file itself is complete in the
-- storage root, so every row names a file that exists; the run ingests the files as they come and marks them done.
create table upload_jobs (
    job_id bigint primary key references jobs (id) on delete cascade,
    -- The idle timeout counts from here.
    last_post_at timestamptz not null default now(),
    -- endJob=true arrived: the run ends once the files so far are in.
    ended boolean not null default false,
    -- The run took its last file, timed out or was stopped: every later POST is refused.
    closed_at timestamptz
);

create table upload_files (
    id bigserial primary key,
    job_id bigint not null references upload_jobs (job_id) on delete cascade,
    -- The file as it arrived, under the storage root, kept until its ingest is over.
    staged_key text not null unique,
    -- Where it goes: the folder from the company root ('' is the root) and the file name.
    folder text not null,
    name text not null,
    -- The part's filename as the client sent it, for the job log.
    client_name text not null,
    size bigint not null,
    received_at timestamptz not null default now(),
    done_at timestamptz
);

create index upload_files_of_job on upload_files (job_id, id);
create index upload_jobs_open on upload_jobs (job_id) where closed_at is null;
