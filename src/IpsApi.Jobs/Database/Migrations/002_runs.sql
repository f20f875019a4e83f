-- One run of a job: what getActiveJobs and getJobLogs show, and what the job log details belong to.
create table job_runs (
    id                    bigserial primary key,      -- the log id of the run's handle
    job_id                bigint not null references jobs (id) on delete cascade,
    company_id            bigint not null references companies (id),
    instance_name         text not null,              -- <jobName>_<yyyy-MM-dd-HH:mm:ss.SSS>
    fire_instance_id      text not null unique,       -- Quartz's id of the firing; a recovery firing has its own
    state                 text not null,              -- New, Running, Stopping, Done, Failed, Stopped
    log_type              text not null,              -- JobLog.logType: Begin* while running, End* when over
    job_sub_type          text not null default '',
    progress              int not null default 0,     -- 0..100
    progress_message      text not null default '',
    last_progress_update  timestamptz not null default now(),
    trigger_time          timestamptz not null,
    started_at            timestamptz not null default now(),
    ended_at              timestamptz,
    server_name           text not null,
    recovering            boolean not null default false,
    file_success_count    int not null default 0,
    file_error_count      int not null default 0,
    file_warning_count    int not null default 0,
    file_duplicate_count  int not null default 0,
    file_update_count     int not null default 0,
    total_file_count      int not null default 0,
    transfer_success_count int not null default 0,
    transfer_error_count  int not null default 0,
    transfer_warning_count int not null default 0,
    fatal_error           boolean not null default false
);
create index job_runs_job on job_runs (job_id, started_at);
create index job_runs_company_started on job_runs (company_id, started_at);
create index job_runs_open on job_runs (job_id) where ended_at is null;

create table job_log_details (
    id           bigserial primary key,
    run_id       bigint not null references job_runs (id) on delete cascade,
    log_type     text not null,
    message      text not null,                      -- English; localised on the way out
    asset_name   text,
    asset_type   text,
    asset_handle text,
    aux          jsonb,                              -- [{logType, message, dateCreated}]
    created_at   timestamptz not null default now()
);
create index job_log_details_run on job_log_details (run_id, id);
create index job_log_details_asset on job_log_details (asset_handle) where asset_handle is not null;

-- TaskProgress of a run: one row per task type the executor reports.
create table job_task_progress (
    run_id            bigint not null references job_runs (id) on delete cascade,
    task_type         text not null,
    task_state        text not null,
    num_processed     int not null default 0,
    num_processing    int not null default 0,
    num_pending       int not null default 0,
    progress          double precision not null default 0,
    progress_message  text not null default '',
    last_update       timestamptz not null default now(),
    primary key (run_id, task_type)
);
