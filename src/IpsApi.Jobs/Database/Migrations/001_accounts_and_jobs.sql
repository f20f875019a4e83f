-- Companies, users and who belongs where: what authentication and authorisation read.
create table companies (
    id          bigserial primary key,
    handle      text not null unique,          -- what clients send as companyHandle, e.g. '47'
    name        text not null,
    created_at  timestamptz not null default now()
);

create table users (
    id             bigserial primary key,
    handle         text not null unique,       -- what clients send as userHandle, e.g. 'u|12'
    email          text not null,
    password_hash  text not null,              -- PasswordHasher format, never the password
    role           text not null,
    first_name     text not null default '',
    last_name      text not null default '',
    active         boolean not null default true,
    created_at     timestamptz not null default now()
);
create unique index users_email_key on users (lower(email));

create table company_members (
    company_id  bigint not null references companies (id) on delete cascade,
    user_id     bigint not null references users (id) on delete cascade,
    primary key (company_id, user_id)
);

-- A submitted job: its definition exactly as accepted, who sent it and who hears about it.
create table jobs (
    id              bigserial primary key,
    company_id      bigint not null references companies (id),
    name            text not null,             -- unique among the company's jobs in use
    original_name   text not null,             -- the jobName the client sent
    job_type        text not null,
    definition      jsonb not null,
    submit_user_id  bigint not null references users (id),
    notify_user_id  bigint not null references users (id),
    locale          text not null,             -- effective locale for logs and email
    exec_time       timestamptz,
    exec_schedule   text,
    description     text,
    client_app      text,
    client_version  text,
    submitted_at    timestamptz not null default now(),
    released_at     timestamptz                -- set when the name is free again (finished or deleted)
);
create unique index jobs_name_in_use on jobs (company_id, name) where released_at is null;
create index jobs_company_original_name on jobs (company_id, original_name);
