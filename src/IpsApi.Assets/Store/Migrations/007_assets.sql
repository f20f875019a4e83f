-- The asset catalog a company's jobs fill. The files themselves are under the storage root; the rows say
-- which file is current (storage keys are never reused, so a row never points at a half-written file).
create table assets (
    id                 bigserial primary key,
    company_id         bigint not null references companies (id),
    folder             text not null,              -- IPS folder path without leading/trailing '/', '' at the root
    name               text not null,              -- file name within the folder
    kind               text not null,              -- Image, Pdf, Video, Other
    size_bytes         bigint not null,
    checksum           text not null,              -- SHA-256 of the original, hex
    original_key       text not null,              -- storage key of the original
    width              int,
    height             int,
    format             text,
    color_space        text,
    page_count         int,
    duration_ms        bigint,
    codec              text,
    ready_for_publish  boolean not null default false,
    publish_state      text not null default 'NotPublished',
    created_at         timestamptz not null default now(),
    modified_at        timestamptz not null default now()
);
create unique index assets_path on assets (company_id, folder, name);

create table asset_metadata (
    asset_id  bigint not null references assets (id) on delete cascade,
    key       text not null,
    value     text not null,
    primary key (asset_id, key)
);

-- Derived files: mask, optimized pyramid, PDF page images, thumbnails, video encodes.
create table asset_renditions (
    asset_id     bigint not null references assets (id) on delete cascade,
    kind         text not null,                  -- Mask, Pyramid, Page, Thumbnail, Encode
    name         text not null,                  -- distinguishes several of a kind (page-3, mp4-720p)
    storage_key  text not null,
    size_bytes   bigint not null,
    width        int,
    height       int,
    created_at   timestamptz not null default now(),
    primary key (asset_id, kind, name)
);

-- A follow-on job (post*PublishJob) remembers the job that submitted it.
alter table jobs add column initiating_job_name text;
