-- What the delivery side serves. A publish writes a whole new version of a company's catalog of one kind beside
-- the current one, then makes it current by changing one row. Readers always go through that row in one
-- statement, so they see the old catalog or the new one, never a mix of both.
create sequence publish_versions;

create table publish_catalogs (
    company_id    bigint not null references companies (id),
    kind          text not null,            -- ImageServing, ImageRendering, Video, ServerDirectory, Metadata, VideoSitemap
    version       bigint not null,
    published_at  timestamptz not null,
    search        boolean not null default false,   -- the version carries a search index (FullWithSearch)
    primary key (company_id, kind)
);

create table publish_entries (
    company_id    bigint not null references companies (id),
    kind          text not null,
    version       bigint not null,
    name          text not null,            -- lookup key: lower-cased, as delivery URLs name it
    display_name  text not null,
    asset_id      bigint,                   -- null for server directory files
    asset_type    text not null,
    folder        text not null,
    source        text not null,            -- what was published (a storage key, a file's size and time): same source, same entry
    file          text,                     -- the published file under publish/<kind>/; null for sets and metadata
    content_type  text,
    size_bytes    bigint not null default 0,
    width         int,
    height        int,
    modified      timestamptz not null,     -- when this content was first published
    members       text[],                   -- a set's members, in order
    metadata      jsonb,
    search_text   text,                     -- names and metadata values, lower-cased, in a FullWithSearch version
    primary key (company_id, kind, version, name)
);
