-- An asset has a name (its IPS name, without the extension: what getAssetsByName finds and image serving publishes)
-- and a file name (the virtual file name with its extension, which a rename changes to the new name, keeping the
-- extension). Until now the name column held the file name: it moves to file_name, and name keeps what publishing
-- already called the asset (sets have no extension).
alter table assets add column file_name text;
update assets set file_name = name,
                  name = case when kind in ('ImageSet', 'SwatchSet', 'ECatalog') then name
                              when name ~ '^.+\.[^.]*$' then regexp_replace(name, '\.[^.]*$', '')
                              else name end;
alter table assets alter column file_name set not null;

-- The IPS asset type (a documented "Asset Types" name) of what is stored: by kind, and for files kept as they came,
-- by extension. Filters, counts and answers all read this one column.
alter table assets add column type_name text not null generated always as (
    case kind
        when 'Image' then 'Image'
        when 'Pdf' then 'Pdf'
        when 'Video' then 'Video'
        when 'ImageSet' then 'ImageSet'
        when 'SwatchSet' then 'ImageSet'
        when 'ECatalog' then 'Catalog'
        else case lower(substring(file_name from '\.([^./]*)$'))
            when 'svg' then 'Svg'
            when 'xml' then 'Xml'
            when 'xsl' then 'Xsl'
            when 'xslt' then 'Xsl'
            when 'zip' then 'Zip'
            when 'rtf' then 'Rtf'
            when 'doc' then 'Word'
            when 'docx' then 'Word'
            when 'xls' then 'Excel'
            when 'xlsx' then 'Excel'
            when 'ppt' then 'PowerPoint'
            when 'pptx' then 'PowerPoint'
            when 'swf' then 'Flash'
            when 'ttf' then 'Font'
            when 'otf' then 'Font'
            when 'ps' then 'PostScript'
            when 'eps' then 'PostScript'
            when 'ai' then 'Illustrator'
            when 'indd' then 'InDesign'
            when 'mp3' then 'Audio'
            when 'wav' then 'Audio'
            when 'aac' then 'Audio'
            when 'm4a' then 'Audio'
            when 'ogg' then 'Audio'
            when 'flac' then 'Audio'
            when 'vtt' then 'VideoCaption'
            when 'srt' then 'VideoCaption'
            when 'icc' then 'IccProfile'
            when 'icm' then 'IccProfile'
            else 'Asset'
        end
    end) stored;

-- The trash: deleteAsset moves an asset there (InTrash), restoreAssetsFromTrash brings it back, and
-- emptyAssetsFromTrash marks it InEmptiedTrash, after which no operation or job sees it. Its row and files are
-- removed once every run that was in progress when it was emptied has ended (empty_waits_for: those runs).
alter table assets add column trash_state text not null default 'NotInTrash'
    check (trash_state in ('NotInTrash', 'InTrash', 'InEmptiedTrash'));
alter table assets add column trashed_at timestamptz;
alter table assets add column empty_waits_for bigint[];

-- Who made and last changed an asset (emails), and when it last changed in any way a client sees: a new file
-- (modified_at, which also tells optimizeImagesJob whether the pyramid is current) or a rename, move, metadata or
-- publish state change through the API.
alter table assets add column created_by text;
alter table assets add column last_modified timestamptz;
update assets set last_modified = modified_at;
alter table assets alter column last_modified set not null;
alter table assets alter column last_modified set default now();
alter table assets add column last_modified_by text;

-- The asset a job made this one from (a page ripped from a PDF), and how.
alter table assets add column generated_from bigint references assets (id) on delete set null;
alter table assets add column generation_engine text;
create index assets_generated_from on assets (generated_from) where generated_from is not null;

-- A path holds one live asset; trashed ones step aside (an upload to the path makes a new asset). The folder in
-- pattern order, so that a subtree (folder = 'a' or folder like 'a/%') is an index range whatever the database's
-- collation. The plans these indexes give are in bench/RESULTS.md (bench search).
drop index assets_path;
create unique index assets_path on assets (company_id, folder text_pattern_ops, file_name) where trash_state = 'NotInTrash';
create index assets_emptied on assets (id) where trash_state = 'InEmptiedTrash';
-- getAssetsByName (names without regard to case) and name prefixes (StartsWith).
create index assets_name on assets (company_id, lower(name) text_pattern_ops);
-- Metadata values by field: equality and prefixes, without regard to case. Only the start of a value is indexed, so
-- that long values (a PDF's words) fit an index entry; the search tests the whole value too.
create index asset_metadata_value on asset_metadata (key, left(lower(value), 128) text_pattern_ops);

-- The metadata fields a company uses, per asset type: what getMetadataFields lists. A field appears with the first
-- value set on an asset of that type and stays.
create table metadata_fields (
    company_id  bigint not null references companies (id),
    type_name   text not null,
    key         text not null,
    created_at  timestamptz not null default now(),
    primary key (company_id, type_name, key)
);
insert into metadata_fields (company_id, type_name, key)
select distinct a.company_id, a.type_name, m.key from asset_metadata m join assets a on a.id = m.asset_id;

create function note_metadata_field() returns trigger language plpgsql as $$
begin
    insert into metadata_fields (company_id, type_name, key)
    select a.company_id, a.type_name, new.key from assets a where a.id = new.asset_id
    on conflict do nothing;
    return new;
end;
$$;
create trigger asset_metadata_field after insert on asset_metadata for each row execute function note_metadata_field();
