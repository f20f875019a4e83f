-- Image presets ("macros") of a company, named in exportJob's macro: image-serving modifiers such as
-- "wid=200&fmt=png". Added with `ipsapi admin macro set`.
create table image_macros (
    company_id  bigint not null references companies (id),
    name        text not null,
    modifiers   text not null,
    updated_at  timestamptz not null default now(),
    primary key (company_id, name)
);

-- The download links of exportJob ZIPs: an unguessable token that stops working at expires_at.
create table export_downloads (
    token        text primary key,
    company_id   bigint not null references companies (id),
    storage_key  text not null,
    file_name    text not null,
    expires_at   timestamptz not null,
    created_at   timestamptz not null default now()
);
create index export_downloads_expiry on export_downloads (expires_at);
