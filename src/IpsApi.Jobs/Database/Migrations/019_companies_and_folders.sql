-- Company handles are opaque strings that clients hand back (such as 'c|748'); files are stored under a folder of
-- the company's own. Companies that exist already keep the folder they have, named by their old, file-safe handle.
alter table companies add column storage_folder text;
update companies set storage_folder = handle;
alter table companies alter column storage_folder set not null;
create unique index companies_storage_folder on companies (storage_folder);
alter table companies add column expires timestamptz;
alter table companies add column ims_org_id text;
create index companies_name on companies (lower(name));
create index companies_ims_org_id on companies (ims_org_id) where ims_org_id is not null;

-- The folders of a company's asset tree. An empty folder is a row; the root (path '') is one too. Paths are kept
-- from the company root without leading or trailing '/', the way asset rows name their folder.
create table folders (
    id           bigserial primary key,
    company_id   bigint not null references companies (id),
    parent_id    bigint references folders (id),
    path         text not null,
    created_at   timestamptz not null default now(),
    modified_at  timestamptz not null default now(),
    check ((path = '') = (parent_id is null))
);
create unique index folders_path on folders (company_id, path);
create index folders_parent on folders (parent_id);

-- Makes a folder and its missing ancestors exist; returns its id.
create function ensure_folder(company bigint, folder_path text) returns bigint
language plpgsql as $$
declare
    found_id bigint;
    parent bigint;
begin
    select id into found_id from folders where company_id = company and path = folder_path;
    if found_id is not null then
        return found_id;
    end if;
    if folder_path = '' then
        parent := null;
    elsif position('/' in folder_path) = 0 then
        parent := ensure_folder(company, '');
    else
        parent := ensure_folder(company, regexp_replace(folder_path, '/[^/]*$', ''));
    end if;
    insert into folders (company_id, parent_id, path) values (company, parent, folder_path)
    on conflict (company_id, path) do nothing
    returning id into found_id;
    if found_id is null then
        select id into found_id from folders where company_id = company and path = folder_path;
    end if;
    return found_id;
end;
$$;

-- Every company has its root folder, and every folder an asset names exists, however the asset row was written.
select ensure_folder(id, '') from companies;
select ensure_folder(company_id, folder) from (select distinct company_id, folder from assets) f;

create function ensure_company_root() returns trigger language plpgsql as $$
begin
    perform ensure_folder(new.id, '');
    return new;
end;
$$;
create trigger companies_root_folder after insert on companies for each row execute function ensure_company_root();

create function ensure_asset_folder() returns trigger language plpgsql as $$
begin
    perform ensure_folder(new.company_id, new.folder);
    return new;
end;
$$;
create trigger assets_folder_exists before insert or update of folder on assets
    for each row execute function ensure_asset_folder();
